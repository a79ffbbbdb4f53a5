"""The demo's sections (``content.SECTIONS``), made when missing, for both seed commands."""

from articles.demo import content
from articles.models import Section


def ensure_sections() -> dict[str, Section]:
    """Every section of the demo by slug, sub-sections too."""
    sections = {}
    for slug, (name, position, parent, description) in content.SECTIONS.items():
        section = Section.objects.filter(slug=slug).first()
        if section is None:
            section = Section(
                name=name,
                slug=slug,
                position=position,
                parent=sections[parent] if parent else None,
                description=description,
            )
            section.full_clean()
            section.save()
        sections[slug] = section
    return sections
