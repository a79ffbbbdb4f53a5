"""People's names as a Vietnamese newsroom writes them (issue #10): family name first.

Django's ``get_full_name()`` is "first last", which for ``first_name="Thu Hà"``,
``last_name="Nguyễn"`` reads "Thu Hà Nguyễn". Everything that shows a person (bylines,
feeds, JSON-LD, the admin's authors picker, presence, trail, history, photo uploader)
calls ``full_name``; templates use the ``full_name`` filter of ``articles_tags``, which is it.
"""


def full_name(user) -> str:
    """``Nguyễn Thu Hà``; the username when no name is set; "—" for nobody."""
    if user is None:
        return "—"
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.get_username()
