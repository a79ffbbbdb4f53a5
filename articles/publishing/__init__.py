"""The editorial workflow: every state change and every permission check, in one place.

The admin (buttons, actions, ``save_model``, ``delete_model``, the calendar) and the seed
commands only call these functions, through this package: ``publishing.submit(...)``.
Each function locks the article's row, decides from what the database holds (never from
what a form sent or the caller's copy says), records a ``StateChange`` and bumps
``version`` so a form loaded before the change cannot silently overwrite it; each move
logs one line and sends ``signals.state_changed`` once its transaction commits.

A live article is not rewritten by a save (issue #10): ``stage_edit`` keeps the edit as the
article's ``PendingEdit`` and readers see the article as it was until an editor puts it on
the page with ``publish_pending`` ("Cập nhật bài"), or saves with ``publish_now`` ("Lưu và
xuất bản ngay"). Staging bumps ``version`` too (without touching the rest of the row), so
one counter guards both: a form loaded before someone staged, published or discarded an
edit is refused like one loaded before a save, and every form shows the pending edit,
so a save that passes the check carries it.

By responsibility:

- ``rules``: who may do what (thin users of ``models/access.py``), the ``System`` caller
  that skips the checks on purpose, the rules every move shares;
- ``trail``: how a move is made and told (lock, ``StateChange``, log line, signal);
- ``transitions``: create, submit, return, publish, approve, schedule, reschedule,
  unpublish;
- ``deletion``: delete one or many, leaving an ``ArticleDeletion``;
- ``bulk``: ``create_many``, the system callers' bulk path (``seed_demo``, ``seed_bench``);
- ``edits``: saving content (the version guard) and staging a live article's edit;
- ``pending``: a live article's pending edit, published or dropped;
- ``corrections``: a correction or update note added to a live article.
"""

from django.core.exceptions import PermissionDenied, ValidationError

from .bulk import MOVES, Step, create_many
from .corrections import add_correction, can_correct
from .deletion import check_delete_many, delete, delete_many
from .edits import (
    CONTENT_FIELDS,
    EditConflict,
    WentLive,
    content_of,
    restorable_relations,
    restore,
    save_edit,
    set_related,
    set_relations,
    stage_edit,
)
from .pending import (
    discard_pending,
    pending_article,
    pending_of,
    publish_pending,
)
from .rules import (
    EDITABLE_BY_AUTHOR,
    SYSTEM,
    Status,
    System,
    available_actions,
    can_delete,
    can_edit,
    can_link,
    can_publish,
    can_view,
    is_editor,
    photos_without_credit,
    stages_edits,
    usable_photos,
)
from .trail import logger
from .transitions import (
    approve,
    create,
    publish,
    reschedule,
    return_to_author,
    schedule,
    submit,
    unpublish,
)

__all__ = [
    "CONTENT_FIELDS",
    "EDITABLE_BY_AUTHOR",
    "MOVES",
    "SYSTEM",
    "EditConflict",
    "PermissionDenied",
    "Status",
    "Step",
    "System",
    "ValidationError",
    "WentLive",
    "add_correction",
    "approve",
    "available_actions",
    "can_correct",
    "can_delete",
    "can_edit",
    "can_link",
    "can_publish",
    "can_view",
    "check_delete_many",
    "content_of",
    "create",
    "create_many",
    "delete",
    "delete_many",
    "discard_pending",
    "is_editor",
    "logger",
    "pending_article",
    "pending_of",
    "photos_without_credit",
    "publish",
    "publish_pending",
    "reschedule",
    "restorable_relations",
    "restore",
    "return_to_author",
    "save_edit",
    "schedule",
    "set_related",
    "set_relations",
    "stage_edit",
    "stages_edits",
    "submit",
    "unpublish",
    "usable_photos",
]
