import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Park } from '../api/types';
import { COLORS, createMap } from '../lib/leaflet';
import { useMunicipalities } from '../lib/useReference';

type Shown = 'outline' | 'point' | 'approximate' | 'none';

/** One park: its GeoJSON outline, else its point, else its municipality's centre. */
export function ParkMap({ park }: { park: Park }) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const rendererRef = useRef<L.Canvas | null>(null);

  const hasOwn = Boolean(park.geometry) || (park.latitude != null && park.longitude != null);
  const municipalities = useMunicipalities(hasOwn ? undefined : park.province);
  const centre = hasOwn
    ? undefined
    : municipalities.data?.find(
        (m) => m.code === park.municipality_code || m.name.toLowerCase() === park.municipality.toLowerCase(),
      );

  const shown: Shown = park.geometry
    ? 'outline'
    : park.latitude != null && park.longitude != null
      ? 'point'
      : centre
        ? 'approximate'
        : 'none';

  useEffect(() => {
    if (!containerRef.current) return;
    const map = createMap(containerRef.current, { scrollWheelZoom: false });
    mapRef.current = map;
    layerRef.current = L.layerGroup().addTo(map);
    rendererRef.current = L.canvas({ padding: 0.2 });
    return () => {
      map.stop();
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
      rendererRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    const renderer = rendererRef.current;
    if (!map || !layer || !renderer) return;
    layer.clearLayers();
    if (park.geometry) {
      const shape = L.geoJSON(park.geometry as unknown as GeoJSON.GeoJsonObject, {
        style: { color: COLORS.outline, weight: 2, fillColor: COLORS.outline, fillOpacity: 0.2, renderer },
        pointToLayer: (_feature, latLng) =>
          L.circleMarker(latLng, { renderer, radius: 8, color: '#fff', weight: 2, fillColor: COLORS.exact, fillOpacity: 0.9 }),
      }).addTo(layer);
      const bounds = shape.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15, animate: false });
    } else if (park.latitude != null && park.longitude != null) {
      L.circleMarker([park.latitude, park.longitude], {
        renderer,
        radius: 9,
        color: '#fff',
        weight: 2,
        fillColor: COLORS.exact,
        fillOpacity: 0.9,
      })
        .bindTooltip(park.name)
        .addTo(layer);
      map.setView([park.latitude, park.longitude], 14, { animate: false });
    } else if (centre) {
      L.circleMarker([centre.latitude, centre.longitude], {
        renderer,
        radius: 10,
        color: COLORS.approximate,
        weight: 2,
        dashArray: '4 3',
        fillColor: '#fff',
        fillOpacity: 0.7,
      })
        .bindTooltip(park.municipality)
        .addTo(layer);
      map.setView([centre.latitude, centre.longitude], 11, { animate: false });
    }
  }, [park, centre]);

  const note =
    shown === 'outline'
      ? t('park.map.outline')
      : shown === 'point'
        ? t('park.map.point')
        : shown === 'approximate'
          ? t('park.map.approximate', { municipality: park.municipality })
          : t('park.map.none');
  return (
    <figure className="map-figure">
      <div
        ref={containerRef}
        className="map map-small"
        role="region"
        aria-label={t('park.map.label')}
        data-testid="park-map"
        data-shown={shown}
      />
      <figcaption className="map-caption">
        <span className="map-note">{note}</span>
      </figcaption>
    </figure>
  );
}
