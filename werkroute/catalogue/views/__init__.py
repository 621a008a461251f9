"""Views of the catalogue: the public route map and the partner portal."""
