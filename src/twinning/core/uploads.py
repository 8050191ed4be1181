"""Checks every uploaded document passes: an accepted type, proven by its first bytes, in size."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The first bytes of each accepted file type: the extension alone proves nothing.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def check_document(upload: UploadedFile, *, limit: int) -> str:
    """The file's extension if it is an accepted type within `limit` bytes; else why not,
    under the form field "upload"."""
    extension = Path(upload.name or "").suffix.lower()
    if extension not in SIGNATURES:
        raise ValidationError(
            {"upload": _("Upload a PDF, Word (DOCX), Excel (XLSX), JPEG or PNG file.")}
        )
    size = upload.size or 0
    if size > limit:
        raise ValidationError(
            {
                "upload": _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
            }
        )
    if not size:
        raise ValidationError({"upload": _("The file is empty.")})
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(SIGNATURES[extension]):
        raise ValidationError(
            {"upload": _("The file's content is not %(type)s.") % {"type": extension[1:].upper()}}
        )
    return extension
