"""The outcomes app's pages: the register and its workflow, the dashboard and reports, imports."""
