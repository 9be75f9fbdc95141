import i18next from 'i18next';
import L from 'leaflet';
// Leaflet's style sheet comes with the map code (not in the first load), and our overrides after it.
import 'leaflet/dist/leaflet.css';
import './leaflet.css';

// Leaflet 1.9 ends a zoom animation with a timer; when the map was removed in between (the user
// zoomed and then navigated away) that timer reads the removed panes and throws. Skip it then.
const mapProto = L.Map.prototype as unknown as {
  _onZoomTransitionEnd: (this: { _mapPane?: HTMLElement }) => void;
};
const onZoomTransitionEnd = mapProto._onZoomTransitionEnd;
mapProto._onZoomTransitionEnd = function (this: { _mapPane?: HTMLElement }) {
  if (this._mapPane) onZoomTransitionEnd.call(this);
};

/** Centre and zoom that show the whole of the Netherlands. */
export const NL_CENTER: L.LatLngExpression = [52.2, 5.3];
export const NL_ZOOM = 7;
export const NL_BOUNDS = L.latLngBounds([50.7, 3.3], [53.6, 7.25]);

export const COLORS = {
  exact: '#2f5d50',
  approximate: '#9a6b1f',
  outline: '#2f5d50',
};

/**
 * A map that works without tiles: markers are drawn on a canvas over the container's neutral
 * background. The OpenStreetMap layer is added on top where it can load, and is never needed.
 */
export function createMap(container: HTMLElement, options: L.MapOptions = {}): L.Map {
  const map = L.map(container, {
    center: NL_CENTER,
    zoom: NL_ZOOM,
    minZoom: 6,
    maxZoom: 18,
    preferCanvas: true,
    zoomSnap: 0.5,
    attributionControl: true,
    ...options,
    // Our own zoom control: its buttons are named in the page's language (Leaflet's are English).
    zoomControl: false,
  });
  if (options.zoomControl !== false) {
    const zoomIn = () => i18next.t('mapControls.zoomIn');
    const zoomOut = () => i18next.t('mapControls.zoomOut');
    L.control.zoom({ zoomInTitle: zoomIn(), zoomOutTitle: zoomOut() }).addTo(map);
    const container = map.getContainer();
    const rename = () => {
      for (const [selector, name] of [
        ['.leaflet-control-zoom-in', zoomIn()],
        ['.leaflet-control-zoom-out', zoomOut()],
      ] as const) {
        const button = container.querySelector(selector);
        button?.setAttribute('title', name);
        button?.setAttribute('aria-label', name);
      }
    };
    i18next.on('languageChanged', rename);
    map.on('unload', () => i18next.off('languageChanged', rename));
  }
  map.attributionControl.setPrefix(false);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '© OpenStreetMap',
    crossOrigin: true,
  }).addTo(map);
  return map;
}
