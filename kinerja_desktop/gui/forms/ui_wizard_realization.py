# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_realization.ui'
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
from PySide6.QtWidgets import (QApplication, QHeaderView, QLabel, QSizePolicy,
    QTableView, QVBoxLayout, QWidget, QWizardPage)

class Ui_WizardRealizationPage(object):
    def setupUi(self, WizardRealizationPage):
        if not WizardRealizationPage.objectName():
            WizardRealizationPage.setObjectName(u"WizardRealizationPage")
        self.mainLayout = QVBoxLayout(WizardRealizationPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.contextLabel = QLabel(WizardRealizationPage)
        self.contextLabel.setObjectName(u"contextLabel")
        self.contextLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.contextLabel)

        self.table = QTableView(WizardRealizationPage)
        self.table.setObjectName(u"table")

        self.mainLayout.addWidget(self.table)

        self.legendLabel = QLabel(WizardRealizationPage)
        self.legendLabel.setObjectName(u"legendLabel")
        self.legendLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.legendLabel)

        self.errorLabel = QLabel(WizardRealizationPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)


        self.retranslateUi(WizardRealizationPage)

        QMetaObject.connectSlotsByName(WizardRealizationPage)
    # setupUi

    def retranslateUi(self, WizardRealizationPage):
        WizardRealizationPage.setTitle(QCoreApplication.translate("WizardRealizationPage", u"Realisasi indikator", None))
        WizardRealizationPage.setSubTitle(QCoreApplication.translate("WizardRealizationPage", u"Isi realisasi triwulan ini pada kolom \u201cRealisasi TW\u201d (contoh: 92,5 atau 1.250). Capaian dihitung langsung terhadap target s.d. triwulan.", None))
    # retranslateUi

