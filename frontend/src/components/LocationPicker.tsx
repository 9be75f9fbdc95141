import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COLORS, NL_BOUNDS, createMap } from '../lib/leaflet';

/**
 * Click the map to place the park; the point (and a pasted outline) show as they will be saved.
 * Works without tiles: the click gives the position whatever the map shows.
 */
export function LocationPicker({
  latitude,
  longitude,
  geometry,
  fallback,
  onPick,
}: {
  latitude: number | null;
  longitude: number | null;
  geometry: Record<string, unknown> | null;
  /** Where to look when the park has no point yet (its municipality's centre). */
  fallback: [number, number] | null;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const placedRef = useRef(false);

  useEffect(() => {
    if (!containerRef.current) return;
    const map = createMap(containerRef.current, { scrollWheelZoom: false });
    mapRef.current = map;
    layerRef.current = L.layerGroup().addTo(map);
    map.getContainer().style.cursor = 'crosshair';
    map.on('click', (event: L.LeafletMouseEvent) => {
      const round = (v: number) => Math.round(v * 1e5) / 1e5;
      pickRef.current(round(event.latlng.lat), round(event.latlng.lng));
    });
    return () => {
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    layer.clearLayers();
    let bounds: L.LatLngBounds | null = null;
    if (geometry) {
      try {
        const shape = L.geoJSON(geometry as unknown as GeoJSON.GeoJsonObject, {
          style: { color: COLORS.outline, weight: 2, fillOpacity: 0.15 },
        }).addTo(layer);
        if (shape.getBounds().isValid()) bounds = shape.getBounds();
      } catch {
        // an outline Leaflet cannot draw: the form says what is wrong with it
      }
    }
    if (latitude !== null && longitude !== null) {
      L.circleMarker([latitude, longitude], { radius: 9, color: '#fff', weight: 2, fillColor: COLORS.exact, fillOpacity: 0.95 }).addTo(layer);
      bounds = bounds ? bounds.extend([latitude, longitude]) : L.latLngBounds([latitude, longitude], [latitude, longitude]);
    }
    // Frame the park once; later clicks keep the view where the user is working.
    if (placedRef.current) return;
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    else if (fallback) map.setView(fallback, 13, { animate: false });
    else map.fitBounds(NL_BOUNDS, { animate: false });
    placedRef.current = true;
  }, [latitude, longitude, geometry, fallback]);

  return (
    <figure className="map-figure">
      <div ref={containerRef} className="map map-small" role="region" aria-label={t('park.form.picker.label')} data-testid="location-picker" />
      <figcaption className="map-caption">
        <span className="map-note">{t('park.form.picker.hint')}</span>
      </figcaption>
    </figure>
  );
}
