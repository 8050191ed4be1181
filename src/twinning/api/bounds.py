"""Integer types of the API's input, bounded like the database columns they end in.

A number the column cannot hold (2**63 for an id, 40000 for a small integer) is refused by the
schema with a field message, before any query or arithmetic could fail on it. The ranges are the
widest of the supported databases' columns, so that the services' own checks (the models'
validators, in the caller's language) still answer the values a column can hold but a rule
refuses (a negative count, a year in the future)."""

from typing import Annotated

from pydantic import Field

#: A primary key or a reference to one (BigAutoField).
Id = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
#: A (Positive)SmallIntegerField.
Small = Annotated[int, Field(ge=-32768, le=32767)]
#: A (Positive)IntegerField.
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
