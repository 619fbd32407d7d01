# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_problems.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_WizardProblemsPage(object):
    def setupUi(self, WizardProblemsPage):
        if not WizardProblemsPage.objectName():
            WizardProblemsPage.setObjectName(u"WizardProblemsPage")
        self.mainLayout = QVBoxLayout(WizardProblemsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(WizardProblemsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.indicatorList = QListWidget(self.splitter)
        self.indicatorList.setObjectName(u"indicatorList")
        self.splitter.addWidget(self.indicatorList)
        self.editorPane = QWidget(self.splitter)
        self.editorPane.setObjectName(u"editorPane")
        self.editorLayout = QVBoxLayout(self.editorPane)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.indicatorLabel = QLabel(self.editorPane)
        self.indicatorLabel.setObjectName(u"indicatorLabel")
        self.indicatorLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.indicatorLabel)

        self.readingLabel = QLabel(self.editorPane)
        self.readingLabel.setObjectName(u"readingLabel")
        self.readingLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.readingLabel)

        self.oldProblemsRow = QHBoxLayout()
        self.oldProblemsRow.setObjectName(u"oldProblemsRow")
        self.oldProblemsLabel = QLabel(self.editorPane)
        self.oldProblemsLabel.setObjectName(u"oldProblemsLabel")
        self.oldProblemsLabel.setWordWrap(True)
        self.oldProblemsLabel.setStyleSheet(u"color: #5d4037; background: #fff8e1; padding: 0.3em;")

        self.oldProblemsRow.addWidget(self.oldProblemsLabel)

        self.oldProblemsButton = QPushButton(self.editorPane)
        self.oldProblemsButton.setObjectName(u"oldProblemsButton")

        self.oldProblemsRow.addWidget(self.oldProblemsButton)


        self.editorLayout.addLayout(self.oldProblemsRow)

        self.problemsLabel = QLabel(self.editorPane)
        self.problemsLabel.setObjectName(u"problemsLabel")

        self.editorLayout.addWidget(self.problemsLabel)

        self.problemsEdit = QPlainTextEdit(self.editorPane)
        self.problemsEdit.setObjectName(u"problemsEdit")
        self.problemsEdit.setTabChangesFocus(True)

        self.editorLayout.addWidget(self.problemsEdit)

        self.followUpLabel = QLabel(self.editorPane)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.editorLayout.addWidget(self.followUpLabel)

        self.followUpEdit = QPlainTextEdit(self.editorPane)
        self.followUpEdit.setObjectName(u"followUpEdit")
        self.followUpEdit.setTabChangesFocus(True)

        self.editorLayout.addWidget(self.followUpEdit)

        self.evidenceLabel = QLabel(self.editorPane)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.editorLayout.addWidget(self.evidenceLabel)

        self.evidenceList = QListWidget(self.editorPane)
        self.evidenceList.setObjectName(u"evidenceList")

        self.editorLayout.addWidget(self.evidenceList)

        self.evidenceButtons = QHBoxLayout()
        self.evidenceButtons.setObjectName(u"evidenceButtons")
        self.attachButton = QPushButton(self.editorPane)
        self.attachButton.setObjectName(u"attachButton")

        self.evidenceButtons.addWidget(self.attachButton)

        self.detachButton = QPushButton(self.editorPane)
        self.detachButton.setObjectName(u"detachButton")

        self.evidenceButtons.addWidget(self.detachButton)

        self.evidenceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.evidenceButtons.addItem(self.evidenceSpacer)


        self.editorLayout.addLayout(self.evidenceButtons)

        self.splitter.addWidget(self.editorPane)

        self.mainLayout.addWidget(self.splitter)

        self.errorLabel = QLabel(WizardProblemsPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.problemsLabel.setBuddy(self.problemsEdit)
        self.followUpLabel.setBuddy(self.followUpEdit)
        self.evidenceLabel.setBuddy(self.evidenceList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardProblemsPage)

        QMetaObject.connectSlotsByName(WizardProblemsPage)
    # setupUi

    def retranslateUi(self, WizardProblemsPage):
        WizardProblemsPage.setTitle(QCoreApplication.translate("WizardProblemsPage", u"Kendala, tindak lanjut dan bukti dukung", None))
        WizardProblemsPage.setSubTitle(QCoreApplication.translate("WizardProblemsPage", u"Indikator dengan capaian di bawah 100 % wajib diberi kendala dan tindak lanjut. Bukti dukung boleh dilampirkan untuk indikator mana pun.", None))
        self.oldProblemsButton.setText(QCoreApplication.translate("WizardProblemsPage", u"Kembalikan kendala l&ama", None))
#if QT_CONFIG(tooltip)
        self.oldProblemsButton.setToolTip(QCoreApplication.translate("WizardProblemsPage", u"Pakai lagi kendala dan tindak lanjut yang ditulis untuk realisasi sebelumnya", None))
#endif // QT_CONFIG(tooltip)
        self.problemsLabel.setText(QCoreApplication.translate("WizardProblemsPage", u"&Kendala / permasalahan:", None))
        self.followUpLabel.setText(QCoreApplication.translate("WizardProblemsPage", u"&Tindak lanjut / solusi:", None))
        self.evidenceLabel.setText(QCoreApplication.translate("WizardProblemsPage", u"&Bukti dukung:", None))
        self.attachButton.setText(QCoreApplication.translate("WizardProblemsPage", u"&Lampirkan berkas\u2026", None))
        self.detachButton.setText(QCoreApplication.translate("WizardProblemsPage", u"&Hapus lampiran", None))
    # retranslateUi

