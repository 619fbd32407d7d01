# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_choose.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_WizardChoosePage(object):
    def setupUi(self, WizardChoosePage):
        if not WizardChoosePage.objectName():
            WizardChoosePage.setObjectName(u"WizardChoosePage")
        self.mainLayout = QVBoxLayout(WizardChoosePage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.yearLabel = QLabel(WizardChoosePage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearCombo = QComboBox(WizardChoosePage)
        self.yearCombo.setObjectName(u"yearCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearCombo)

        self.quarterLabel = QLabel(WizardChoosePage)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.quarterLabel)

        self.quarterCombo = QComboBox(WizardChoosePage)
        self.quarterCombo.setObjectName(u"quarterCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.quarterCombo)

        self.opdLabel = QLabel(WizardChoosePage)
        self.opdLabel.setObjectName(u"opdLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.opdLabel)

        self.opdCombo = QComboBox(WizardChoosePage)
        self.opdCombo.setObjectName(u"opdCombo")
        self.opdCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.opdCombo.setMinimumContentsLength(40)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.opdCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.statusLabel = QLabel(WizardChoosePage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.errorLabel = QLabel(WizardChoosePage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
        self.quarterLabel.setBuddy(self.quarterCombo)
        self.opdLabel.setBuddy(self.opdCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardChoosePage)

        QMetaObject.connectSlotsByName(WizardChoosePage)
    # setupUi

    def retranslateUi(self, WizardChoosePage):
        WizardChoosePage.setTitle(QCoreApplication.translate("WizardChoosePage", u"Triwulan dan perangkat daerah", None))
        WizardChoosePage.setSubTitle(QCoreApplication.translate("WizardChoosePage", u"Pilih tahun, triwulan dan perangkat daerah yang melaporkan. Hanya perangkat daerah dengan Perjanjian Kinerja yang sudah ditandatangani yang dapat dievaluasi.", None))
        self.yearLabel.setText(QCoreApplication.translate("WizardChoosePage", u"&Tahun anggaran:", None))
        self.quarterLabel.setText(QCoreApplication.translate("WizardChoosePage", u"Tri&wulan:", None))
        self.opdLabel.setText(QCoreApplication.translate("WizardChoosePage", u"&Perangkat daerah:", None))
    # retranslateUi

