"""The site on a phone without network: the installable shell (web app manifest, icons, service
worker), offline packs of each product's pages, and what the capture page needs.

    packs.py    which pages each product's pack holds (from the Dataset)
    shell.py    the web app manifest, the service worker and the files it keeps from the start
    capture.py  the capture page's data: people, products, the id's pinyin table, the
                required fields and the personal-data patterns of `kb validate`

The packs themselves (each product's search bundle, archive and manifest) are written by
generator/search/packs.py once the site's pages are.
"""
