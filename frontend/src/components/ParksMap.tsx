import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ParkLocation } from '../api/types';
import { COLORS, NL_BOUNDS, createMap } from '../lib/leaflet';
import { countApproximate, groupLocations, groupRadius, type LocationGroup } from '../lib/mapGroups';

function parkHref(id: string): string {
  return `/parken/${encodeURIComponent(id)}`;
}

/** All parks that match the filters, as circles on a canvas; a click opens the park. */
export function ParksMap({ locations, loading }: { locations: readonly ParkLocation[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const rendererRef = useRef<L.Canvas | null>(null);
  const groups = useMemo(() => groupLocations(locations ?? []), [locations]);
  const approximate = useMemo(() => countApproximate(locations ?? []), [locations]);

  useEffect(() => {
    if (!containerRef.current) return;
    const map = createMap(containerRef.current);
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
    const open = (group: LocationGroup, marker: L.CircleMarker) => {
      const only = group.parks.length === 1 ? group.parks[0] : undefined;
      if (only) {
        navigate(parkHref(only.id));
        return;
      }
      const box = document.createElement('div');
      box.className = 'map-popup';
      const heading = document.createElement('p');
      heading.className = 'map-popup-title';
      heading.textContent = t('parks.map.group', { count: group.parks.length });
      box.appendChild(heading);
      const list = document.createElement('ul');
      for (const park of group.parks) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = parkHref(park.id);
        link.textContent = park.name;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          navigate(parkHref(park.id));
        });
        item.appendChild(link);
        list.appendChild(item);
      }
      box.appendChild(list);
      marker.closeTooltip();
      marker.bindPopup(box, { maxHeight: 260, minWidth: 200 }).openPopup();
    };
    const bounds: L.LatLngExpression[] = [];
    for (const group of groups) bounds.push([group.latitude, group.longitude]);
    if (bounds.length > 0) {
      map.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 12, animate: false });
    } else {
      map.fitBounds(NL_BOUNDS, { animate: false });
    }
    const zoom = map.getZoom();
    const markers: [L.CircleMarker, number][] = [];
    for (const group of groups) {
      const latLng: L.LatLngExpression = [group.latitude, group.longitude];
      const color = group.approximate ? COLORS.approximate : COLORS.exact;
      const marker = L.circleMarker(latLng, {
        renderer,
        radius: groupRadius(group.parks.length, zoom),
        color: group.approximate ? color : '#ffffff',
        weight: group.approximate ? 2 : 1,
        fillColor: group.approximate ? '#ffffff' : color,
        fillOpacity: group.approximate ? 0.7 : 0.85,
      });
      const label =
        group.parks.length === 1
          ? `${group.parks[0]?.name ?? ''} (${group.parks[0]?.municipality ?? ''})`
          : `${t('parks.map.group', { count: group.parks.length })} · ${group.parks[0]?.municipality ?? ''}`;
      marker.bindTooltip(label, { direction: 'top', offset: [0, -4] });
      marker.on('click', () => open(group, marker));
      marker.addTo(layer);
      markers.push([marker, group.parks.length]);
    }
    const resize = () => {
      const z = map.getZoom();
      for (const [marker, count] of markers) marker.setRadius(groupRadius(count, z));
    };
    map.on('zoomend', resize);
    return () => {
      map.off('zoomend', resize);
    };
  }, [groups, navigate, t]);

  const total = locations?.length ?? 0;
  return (
    <figure className="map-figure">
      <div
        ref={containerRef}
        className="map map-large"
        role="region"
        aria-label={t('parks.map.label')}
        data-testid="parks-map"
        data-marker-count={groups.length}
      />
      <figcaption className="map-caption">
        <span className="legend">
          <span className="legend-dot legend-exact" aria-hidden="true" /> {t('parks.map.legendExact')}
        </span>
        <span className="legend">
          <span className="legend-dot legend-approx" aria-hidden="true" /> {t('parks.map.legendApproximate')}
        </span>
        <span className="map-note" data-testid="map-note">
          {loading && !locations
            ? t('parks.map.loading')
            : total === 0
              ? t('parks.map.empty')
              : approximate > 0
                ? t('parks.map.approximate', { count: approximate })
                : t('parks.map.allExact')}
        </span>
      </figcaption>
    </figure>
  );
}
