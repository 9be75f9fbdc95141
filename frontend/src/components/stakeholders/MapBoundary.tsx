import { Component, type ReactNode } from 'react';

/**
 * Keeps a failure of the map (its code not loading after a new release, a drawing error) inside
 * the map's card instead of blanking the page.
 */
export class MapBoundary extends Component<{ fallback: (retry: () => void) => ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) return this.props.fallback(() => this.setState({ failed: false }));
    return this.props.children;
  }
}
