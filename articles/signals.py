"""Signals others may connect to (later: webhooks, a CDN purge). ``articles.publishing`` sends
them; a model's save never does (no domain logic in signals, only notice of it).

``state_changed``: an article moved in the workflow, or was deleted. Sent once the
transaction that made the change has committed, so a receiver never acts on a change that
was rolled back, and once per step of the trail. Keyword arguments:

- ``article``: the article as the change left it (after ``delete`` its ``pk`` is None);
- ``article_id``: its id, also after a deletion;
- ``by``: the user, or the system caller (``publishing.System``);
- ``action``: what was done, the publishing function's name: ``submit``, ``return``,
  ``approve``, ``publish``, ``schedule``, ``reschedule``, ``unpublish``, ``publish_now``,
  ``publish_pending``, ``add_correction`` (the state stays ``published``), ``delete``;
- ``from_status``, ``to_status``: ``Article.Status`` values (``to_status`` is None after
  ``delete``);
- ``at``: when (aware datetime), as the trail records it.
"""

from django.dispatch import Signal

state_changed = Signal()
