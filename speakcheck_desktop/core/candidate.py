"""A test centre's candidate, as the kiosk checks them in.

The candidate becomes a `users` document whose id is derived from the centre and the candidate ID:
the same candidate at any kiosk of the centre maps to the same user, and the ID itself is kept in
the session's metadata only (the seed's `users` has no field for it). Their name is stored only if
the centre asks for it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bson import ObjectId

from speakcheck_desktop.core.errors import UserFacingError

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")


class CandidateError(UserFacingError, ValueError):
    """What is wrong with what was typed at check-in, as a sentence."""


@dataclass(frozen=True)
class Candidate:
    candidate_id: str
    centre: str = ""
    name: str | None = None

    @property
    def user_id(self) -> ObjectId:
        digest = hashlib.sha256(f"speakcheck-candidate\0{self.centre}\0{self.candidate_id}".encode()).digest()
        return ObjectId(digest[:12])

    def metadata(self) -> dict[str, str]:
        return {"candidate_id": self.candidate_id, **({"centre": self.centre} if self.centre else {})}


def check_in(candidate_id: str, name: str | None, centre: str, *, name_required: bool) -> Candidate:
    cid = candidate_id.strip()
    if not cid:
        raise CandidateError("Enter the candidate ID.")
    if not _ID.match(cid):
        raise CandidateError("A candidate ID is 1 to 64 letters, digits, dots, dashes, slashes or underscores, "
                             "starting with a letter or digit.")
    clean_name = " ".join((name or "").split()) or None
    if name_required and not clean_name:
        raise CandidateError("Enter the candidate's name.")
    if clean_name and len(clean_name) > 120:
        raise CandidateError("The name is too long (120 characters at most).")
    return Candidate(cid, centre, clean_name if name_required else None)
