"""Scripts that rebuild the dashboard's shipped assets (basemap, vendored libraries)."""
