# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_summary.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHeaderView, QLabel,
    QSizePolicy, QTableView, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_WizardSummaryPage(object):
    def setupUi(self, WizardSummaryPage):
        if not WizardSummaryPage.objectName():
            WizardSummaryPage.setObjectName(u"WizardSummaryPage")
        self.mainLayout = QVBoxLayout(WizardSummaryPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.figuresLayout = QFormLayout()
        self.figuresLayout.setObjectName(u"figuresLayout")
        self.scoreCaption = QLabel(WizardSummaryPage)
        self.scoreCaption.setObjectName(u"scoreCaption")

        self.figuresLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scoreCaption)

        self.scoreValue = QLabel(WizardSummaryPage)
        self.scoreValue.setObjectName(u"scoreValue")

        self.figuresLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scoreValue)

        self.predicateCaption = QLabel(WizardSummaryPage)
        self.predicateCaption.setObjectName(u"predicateCaption")

        self.figuresLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.predicateCaption)

        self.predicateValue = QLabel(WizardSummaryPage)
        self.predicateValue.setObjectName(u"predicateValue")

        self.figuresLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.predicateValue)

        self.absorptionCaption = QLabel(WizardSummaryPage)
        self.absorptionCaption.setObjectName(u"absorptionCaption")

        self.figuresLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.absorptionCaption)

        self.absorptionValue = QLabel(WizardSummaryPage)
        self.absorptionValue.setObjectName(u"absorptionValue")

        self.figuresLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.absorptionValue)

        self.efficiencyCaption = QLabel(WizardSummaryPage)
        self.efficiencyCaption.setObjectName(u"efficiencyCaption")

        self.figuresLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.efficiencyCaption)

        self.efficiencyValue = QLabel(WizardSummaryPage)
        self.efficiencyValue.setObjectName(u"efficiencyValue")

        self.figuresLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.efficiencyValue)


        self.mainLayout.addLayout(self.figuresLayout)

        self.table = QTableView(WizardSummaryPage)
        self.table.setObjectName(u"table")

        self.mainLayout.addWidget(self.table)

        self.noteLabel = QLabel(WizardSummaryPage)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.errorLabel = QLabel(WizardSummaryPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)


        self.retranslateUi(WizardSummaryPage)

        QMetaObject.connectSlotsByName(WizardSummaryPage)
    # setupUi

    def retranslateUi(self, WizardSummaryPage):
        WizardSummaryPage.setTitle(QCoreApplication.translate("WizardSummaryPage", u"Ringkasan", None))
        WizardSummaryPage.setSubTitle(QCoreApplication.translate("WizardSummaryPage", u"Periksa hasilnya. Tombol Selesai menyimpan semua realisasi, anggaran, kendala dan bukti dukung sekaligus.", None))
        self.scoreCaption.setText(QCoreApplication.translate("WizardSummaryPage", u"Nilai perangkat daerah:", None))
        self.predicateCaption.setText(QCoreApplication.translate("WizardSummaryPage", u"Predikat:", None))
        self.absorptionCaption.setText(QCoreApplication.translate("WizardSummaryPage", u"Serapan anggaran s.d. triwulan:", None))
        self.efficiencyCaption.setText(QCoreApplication.translate("WizardSummaryPage", u"Efisiensi:", None))
    # retranslateUi

