"""Pages of the students app, one module per audience area."""
