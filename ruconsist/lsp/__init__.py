"""``ruconsist lsp``: findings in the editor, as the translator types.

:mod:`ruconsist.lsp.session` does the work (which pair a file belongs
to, linting it through the engine with the editor's unsaved text,
findings as LSP diagnostics, quick fixes, suppression comments, hover
text); :mod:`ruconsist.lsp.server` speaks the protocol over stdio with
``pygls``.  Neither is imported by ``ruconsist check``.
"""
