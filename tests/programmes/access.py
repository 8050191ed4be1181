"""Who may reach the reference pages (sectors) and their API."""

from tests.access import public

PAGES = {
    "programmes:sectors": public(),
    "programmes:sector_picker": public(),
    "programmes:sector": public(lambda w: ["28.93"]),
}
API = {
    "GET /api/regions": public(),
    "GET /api/sectors": public(),
    "GET /api/sectors/{code}": public(lambda w: {"code": "28.93"}),
}
