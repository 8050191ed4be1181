"""Event pages, split by who uses them."""
