import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { NL_BOUNDS, createMap } from '../lib/leaflet';
import { levelColor } from '../lib/palette';

export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  /** Organisatiegraad level (colour); null: not assessed. */
  level: number | null;
  /** Instead of the level's colour. */
  fill?: string;
  /** Relative size, 1 for a single park. */
  weight: number;
  href?: string;
  /** Instead of a link: what a click does (choosing a province). */
  onSelect?: () => void;
}

/** Circles on a canvas, coloured by level and sized by weight; works without tiles. */
export function ProvinceMap({ points, label }: { points: readonly MapPoint[]; label: string }) {
  const navigate = useNavigate();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!containerRef.current) return;
    const map = createMap(containerRef.current);
    mapRef.current = map;
    layerRef.current = L.layerGroup().addTo(map);
    return () => {
      map.stop();
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
    const max = Math.max(1, ...points.map((p) => p.weight));
    const labelled = points.length <= 15;
    for (const point of points) {
      const radius = 6 + 18 * Math.sqrt(point.weight / max);
      const marker = L.circleMarker([point.latitude, point.longitude], {
        radius,
        color: '#1e2528',
        weight: 1,
        fillColor: point.fill ?? levelColor(point.level),
        fillOpacity: 0.9,
      });
      // A few markers carry their name; many show it on hover or focus only.
      marker.bindTooltip(point.label, labelled ? { permanent: true, direction: 'right', className: 'map-label' } : {});
      marker.on('click', () => {
        if (point.onSelect) point.onSelect();
        else if (point.href) navigate(point.href);
      });
      marker.addTo(layer);
    }
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as L.LatLngTuple)), {
        paddingTopLeft: [28, 28],
        paddingBottomRight: labelled ? [140, 28] : [28, 28],
        maxZoom: 11,
        animate: false,
      });
    } else {
      map.fitBounds(NL_BOUNDS, { animate: false });
    }
  }, [points, navigate]);

  return <div ref={containerRef} className="province-map" role="region" aria-label={label} />;
}
