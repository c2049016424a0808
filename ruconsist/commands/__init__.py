"""Subcommands beyond ``check``, one module each (see ``cli.COMMAND_MODULES``)."""
