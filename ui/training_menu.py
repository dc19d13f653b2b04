# SPDX-License-Identifier: EUPL-1.2
"""TrainingMenu: "Kaart insteken" with the sample citizens' cards, "Probleemkaart insteken"
(a card that cannot be read, is not genuine, or is no eID; a backend that does not answer; a
citizen with no data), and "Kaart uitnemen". Labels in the desk's language."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QWidget

from ui import texts
from ui.texts import tr

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QAction

    from app.desk.app import DeskApp


class TrainingMenu(QMenu):
    """Training mode only. A card action calls ``insert(index)``; the last one ``remove()``."""

    def __init__(
        self,
        labels: Sequence[str],
        *,
        insert: Callable[[int], None],
        remove: Callable[[], None],
        problems: Sequence[tuple[str, Callable[[], None]]] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``labels`` and ``problems`` (label, insert that card): Dutch msgids, shown translated."""
        super().__init__(tr(texts.TRAINING_MENU), parent)
        self.insert_menu = self.addMenu(tr(texts.INSERT_CARD_MENU))
        self.card_actions: list[QAction] = []
        for index, label in enumerate(labels):
            action = self.insert_menu.addAction(tr(label))
            action.triggered.connect(lambda _checked=False, i=index: insert(i))
            self.card_actions.append(action)
        self.problem_menu = self.addMenu(tr(texts.PROBLEM_CARDS_MENU))
        self.problem_actions: list[QAction] = []
        for label, insert_card in problems:
            action = self.problem_menu.addAction(tr(label))
            action.triggered.connect(lambda _checked=False, put=insert_card: put())
            self.problem_actions.append(action)
        self.addSeparator()
        self.remove_action = self.addAction(tr(texts.REMOVE_CARD))
        self.remove_action.triggered.connect(lambda _checked=False: remove())


def training_menu_for(desk: DeskApp, parent: QWidget) -> TrainingMenu:
    """The menu for this training desk: its sample citizens' cards and the problem cards."""
    return TrainingMenu(
        [label for label, _card in desk.training_cards()],
        insert=desk.insert_training_card,
        remove=desk.remove_training_card,
        problems=[
            (label, partial(desk.insert_sample_card, card)) for label, card in desk.problem_cards()
        ],
        parent=parent,
    )
