import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLORS, NL_BOUNDS, createMap } from '../lib/leaflet';
import { outlinePolygon, type LatLon } from '../lib/parkForm';

/**
 * Click the map to place the park, or draw its outline point by point; the point and the outline
 * show as they will be saved. Works without tiles: a click gives the position whatever the map
 * shows. `centreOn` moves the view (an address was found).
 */
export function LocationPicker({
  latitude,
  longitude,
  geometry,
  fallback,
  centreOn,
  onPick,
  onOutline,
}: {
  latitude: number | null;
  longitude: number | null;
  geometry: Record<string, unknown> | null;
  /** Where to look when the park has no point yet (its municipality's centre). */
  fallback: [number, number] | null;
  centreOn?: LatLon | null;
  onPick: (latitude: number, longitude: number) => void;
  onOutline: (polygon: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const sketchRef = useRef<L.LayerGroup | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const placedRef = useRef(false);
  const [drawing, setDrawing] = useState(false);
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  const [points, setPoints] = useState<LatLon[]>([]);

  useEffect(() => {
    if (!containerRef.current) return;
    const map = createMap(containerRef.current, { scrollWheelZoom: false });
    mapRef.current = map;
    layerRef.current = L.layerGroup().addTo(map);
    sketchRef.current = L.layerGroup().addTo(map);
    map.getContainer().style.cursor = 'crosshair';
    map.on('click', (event: L.LeafletMouseEvent) => {
      const round = (v: number) => Math.round(v * 1e5) / 1e5;
      const point: LatLon = [round(event.latlng.lat), round(event.latlng.lng)];
      if (drawingRef.current) setPoints((list) => [...list, point]);
      else pickRef.current(point[0], point[1]);
    });
    return () => {
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
      sketchRef.current = null;
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

  useEffect(() => {
    if (centreOn) mapRef.current?.setView(centreOn, 16, { animate: false });
  }, [centreOn]);

  // The outline being drawn: its corners and the lines between them.
  useEffect(() => {
    const sketch = sketchRef.current;
    if (!sketch) return;
    sketch.clearLayers();
    if (points.length > 1) L.polyline(points, { color: COLORS.approximate, weight: 2, dashArray: '4 4' }).addTo(sketch);
    for (const point of points) L.circleMarker(point, { radius: 4, color: COLORS.approximate, fillOpacity: 1 }).addTo(sketch);
  }, [points]);

  const finish = () => {
    const polygon = outlinePolygon(points);
    if (polygon) onOutline(polygon);
    setPoints([]);
    setDrawing(false);
  };

  return (
    <figure className="map-figure">
      <div
        ref={containerRef}
        className="map map-small"
        role="region"
        aria-label={t('park.form.picker.label')}
        data-testid="location-picker"
        data-drawing={drawing ? 'true' : 'false'}
      />
      <figcaption className="map-caption">
        <span className="map-note" aria-live="polite">
          {drawing ? t('park.form.outline.drawing', { count: points.length }) : t('park.form.picker.hint')}
        </span>
        <span className="outline-actions">
          {!drawing ? (
            <button type="button" className="button button-secondary button-small" onClick={() => setDrawing(true)}>
              {t('park.form.outline.start')}
            </button>
          ) : (
            <>
              <button type="button" className="button button-primary button-small" onClick={finish} disabled={points.length < 3}>
                {t('park.form.outline.finish')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setPoints((list) => list.slice(0, -1))}
                disabled={points.length === 0}
              >
                {t('park.form.outline.undo')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setPoints([]);
                  setDrawing(false);
                }}
              >
                {t('park.form.outline.cancel')}
              </button>
            </>
          )}
        </span>
      </figcaption>
    </figure>
  );
}
