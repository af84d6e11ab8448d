"""The labels of the ticket figures (knowledge health, case and person pages).

Their words are entries of the one catalogue (generator/catalogue/ticket_labels.py), kept
apart from the site's other labels so the ticket sections can grow without touching them.
"""

from __future__ import annotations

from generator.render.labels import Labels


class TicketLabels(Labels):
    """`tl.link_rate`: a ticket label, or any other label of the site, in its language."""
