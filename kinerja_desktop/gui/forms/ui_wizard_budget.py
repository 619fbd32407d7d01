# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_budget.ui'
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

class Ui_WizardBudgetPage(object):
    def setupUi(self, WizardBudgetPage):
        if not WizardBudgetPage.objectName():
            WizardBudgetPage.setObjectName(u"WizardBudgetPage")
        self.mainLayout = QVBoxLayout(WizardBudgetPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.table = QTableView(WizardBudgetPage)
        self.table.setObjectName(u"table")

        self.mainLayout.addWidget(self.table)

        self.totalLabel = QLabel(WizardBudgetPage)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.totalLabel)

        self.errorLabel = QLabel(WizardBudgetPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)


        self.retranslateUi(WizardBudgetPage)

        QMetaObject.connectSlotsByName(WizardBudgetPage)
    # setupUi

    def retranslateUi(self, WizardBudgetPage):
        WizardBudgetPage.setTitle(QCoreApplication.translate("WizardBudgetPage", u"Realisasi anggaran", None))
        WizardBudgetPage.setSubTitle(QCoreApplication.translate("WizardBudgetPage", u"Isi anggaran yang direalisasikan tiap program selama triwulan ini, dalam rupiah penuh (contoh: 1.250.000.000).", None))
    # retranslateUi

