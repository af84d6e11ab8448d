"""Search: the search copies the index holds, its fields, the Pagefind run, similar cases, the search log report."""
