"""The pages of the site on a phone: offline use (install, packs), the page for a page that is
not saved, and the capture page. Their scripts (assets/kb-offline.js, assets/kb-capture.js)
bring them to life; without a script each says what it needs."""

from __future__ import annotations

from generator.render.engine import PageJob, Renderer


def offline_pages(r: Renderer) -> list[PageJob]:
    data = r.data
    products = [
        (pid, r.name(product), len(data.cases_by_product.get(pid, []))) for pid, product in data.products.items()
    ]
    people = [(pid, data.person_name(pid)) for pid in data.sorted_people() if not data.is_alumnus(pid)]
    return [
        r.page("offline.md.j2", "offline/index.md", meta={"title": r.t.offline_title}, products=products),
        r.page("offline_missing.md.j2", "offline/missing.md", meta={"title": r.t.missing_title}),
        r.page(
            "capture.md.j2",
            "capture.md",
            meta={"title": r.t.capture_title},
            products=[(pid, name) for pid, name, _ in products],
            people=people,
        ),
    ]
