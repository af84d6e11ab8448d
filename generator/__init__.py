"""Service knowledge base generator: YAML records to a searchable MkDocs site.

The modules follow the pipeline: load -> validate -> model -> render -> build -> check.
"""
