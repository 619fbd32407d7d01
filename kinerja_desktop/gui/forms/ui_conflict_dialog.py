# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(ConflictDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ConflictDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.conflictView = QTableView(ConflictDialog)
        self.conflictView.setObjectName(u"conflictView")

        self.mainLayout.addWidget(self.conflictView)

        self.allLayout = QHBoxLayout()
        self.allLayout.setObjectName(u"allLayout")
        self.allCentralButton = QPushButton(ConflictDialog)
        self.allCentralButton.setObjectName(u"allCentralButton")
        self.allCentralButton.setAutoDefault(False)

        self.allLayout.addWidget(self.allCentralButton)

        self.allPackageButton = QPushButton(ConflictDialog)
        self.allPackageButton.setObjectName(u"allPackageButton")
        self.allPackageButton.setAutoDefault(False)

        self.allLayout.addWidget(self.allPackageButton)

        self.allSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.allLayout.addItem(self.allSpacer)

        self.remainingLabel = QLabel(ConflictDialog)
        self.remainingLabel.setObjectName(u"remainingLabel")

        self.allLayout.addWidget(self.remainingLabel)


        self.mainLayout.addLayout(self.allLayout)

        self.buttonBox = QDialogButtonBox(ConflictDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(ConflictDialog)

        QMetaObject.connectSlotsByName(ConflictDialog)
    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"Konflik impor paket", None))
        self.allCentralButton.setText(QCoreApplication.translate("ConflictDialog", u"Semua pakai &pusat", None))
        self.allPackageButton.setText(QCoreApplication.translate("ConflictDialog", u"Semua pakai p&aket", None))
    # retranslateUi

