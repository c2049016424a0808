"""The check registry of a run: the check kinds the built-in modules and
the plugins register, their codes, and the instances the selection wants.

Registration goes through the ``ruconsist_register_checks`` hook, the
same for built-in checks and plugins'; a code registered twice, or not
of the form ``ABC123``, is refused.  Codes that rule packs define (a
house pattern rule's ``DSK001``) belong to the check that reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruconsist.checks.base import VALID_CODE, Check
from ruconsist.errors import RuleError
from ruconsist.result import CodeInfo
from ruconsist.rules import RuleSet, load_rules

if TYPE_CHECKING:
    import pluggy

    from ruconsist.config import Config


class CheckRegistry:
    """Check kinds by registration order, and every code they report."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self.codes: dict[str, CodeInfo] = {}
        self.classes: list[type[Check]] = []
        pm.hook.ruconsist_register_checks(register=self.register)

    def register(self, cls: type[Check]) -> None:
        for code, (slug, category, severity) in cls.codes().items():
            if not VALID_CODE.match(code):
                raise RuleError(f"check {cls.__name__}: invalid code {code!r} (expected e.g. ABC123)")
            if code in self.codes and self.codes[code].check is not cls:
                raise RuleError(f"check code {code} registered twice ({self.codes[code].check.__name__}, {cls.__name__})")
            self.codes[code] = CodeInfo(code, slug, category, severity, cls)
        if cls not in self.classes:
            self.classes.append(cls)

    def vocab_sections(self) -> dict[str, Any]:
        """The ``vocab:`` sections of the packs that the checks read."""
        return {k: v for cls in self.classes for k, v in cls.vocab.items()}

    def add_rule_codes(self, rules: RuleSet) -> None:
        """Codes the rule packs define, each owned by the check that
        reports it."""
        for cls in self.classes:
            rule_codes = getattr(cls, "rule_codes", None)
            if rule_codes is None:
                continue
            for code, (slug, category, severity) in rule_codes(rules).items():
                self.codes.setdefault(code, CodeInfo(code, slug, category, severity, cls))

    def instances(self, rules: RuleSet, config: Config, selected: Callable[[str], bool]) -> list[Check]:
        """One instance of each check kind with a selected code."""
        return [cls(rules, config) for cls in self.classes if self._wanted(cls, selected)]

    def _wanted(self, cls: type[Check], selected: Callable[[str], bool]) -> bool:
        own = [c for c, info in self.codes.items() if info.check is cls]
        return any(selected(code) for code in [*cls.codes(), *own])


def run_rules(pm: pluggy.PluginManager, config: Config, extra_rules: Sequence[str] = ()) -> RuleSet:
    """The rule packs of a run: the configuration's, the extra ones, and
    those plugins register."""
    plugin_packs: list[Path] = []
    pm.hook.ruconsist_register_packs(register=plugin_packs.append)
    return load_rules(
        [*config.rules, *extra_rules],
        defaults=config.default_rules,
        plugin_packs=plugin_packs,
    )


__all__ = ["CheckRegistry", "run_rules"]
