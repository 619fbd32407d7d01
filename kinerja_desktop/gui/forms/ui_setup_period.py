# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_period.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget, QWizardPage)

class Ui_SetupPeriodPage(object):
    def setupUi(self, SetupPeriodPage):
        if not SetupPeriodPage.objectName():
            SetupPeriodPage.setObjectName(u"SetupPeriodPage")
        self.mainLayout = QVBoxLayout(SetupPeriodPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(SetupPeriodPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.periodLayout = QFormLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodKindLabel = QLabel(SetupPeriodPage)
        self.periodKindLabel.setObjectName(u"periodKindLabel")

        self.periodLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodKindLabel)

        self.periodKindLayout = QHBoxLayout()
        self.periodKindLayout.setObjectName(u"periodKindLayout")
        self.rpjmdRadio = QRadioButton(SetupPeriodPage)
        self.rpjmdRadio.setObjectName(u"rpjmdRadio")
        self.rpjmdRadio.setChecked(True)

        self.periodKindLayout.addWidget(self.rpjmdRadio)

        self.transitionRadio = QRadioButton(SetupPeriodPage)
        self.transitionRadio.setObjectName(u"transitionRadio")

        self.periodKindLayout.addWidget(self.transitionRadio)

        self.periodKindLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodKindLayout.addItem(self.periodKindLayoutSpacer)


        self.periodLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.periodKindLayout)

        self.startLabel = QLabel(SetupPeriodPage)
        self.startLabel.setObjectName(u"startLabel")

        self.periodLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startSpin = QSpinBox(SetupPeriodPage)
        self.startSpin.setObjectName(u"startSpin")
        self.startSpin.setMinimum(2000)
        self.startSpin.setMaximum(2100)

        self.periodLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startSpin)

        self.startError = QLabel(SetupPeriodPage)
        self.startError.setObjectName(u"startError")
        self.startError.setStyleSheet(u"color: #b3261e;")
        self.startError.setWordWrap(True)

        self.periodLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startError)

        self.endLabel = QLabel(SetupPeriodPage)
        self.endLabel.setObjectName(u"endLabel")

        self.periodLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endSpin = QSpinBox(SetupPeriodPage)
        self.endSpin.setObjectName(u"endSpin")
        self.endSpin.setMinimum(2000)
        self.endSpin.setMaximum(2100)

        self.periodLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.endSpin)

        self.endError = QLabel(SetupPeriodPage)
        self.endError.setObjectName(u"endError")
        self.endError.setStyleSheet(u"color: #b3261e;")
        self.endError.setWordWrap(True)

        self.periodLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.endError)

        self.periodNameLabel = QLabel(SetupPeriodPage)
        self.periodNameLabel.setObjectName(u"periodNameLabel")

        self.periodLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.periodNameLabel)

        self.periodNameEdit = QLineEdit(SetupPeriodPage)
        self.periodNameEdit.setObjectName(u"periodNameEdit")
        self.periodNameEdit.setMaxLength(120)

        self.periodLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.periodNameEdit)

        self.periodNameError = QLabel(SetupPeriodPage)
        self.periodNameError.setObjectName(u"periodNameError")
        self.periodNameError.setStyleSheet(u"color: #b3261e;")
        self.periodNameError.setWordWrap(True)

        self.periodLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.periodNameError)

        self.yearsLabel = QLabel(SetupPeriodPage)
        self.yearsLabel.setObjectName(u"yearsLabel")

        self.periodLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.yearsLabel)

        self.yearsValue = QLabel(SetupPeriodPage)
        self.yearsValue.setObjectName(u"yearsValue")
        self.yearsValue.setWordWrap(True)

        self.periodLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.yearsValue)

        self.periodHint = QLabel(SetupPeriodPage)
        self.periodHint.setObjectName(u"periodHint")
        self.periodHint.setWordWrap(True)

        self.periodLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.periodHint)


        self.mainLayout.addLayout(self.periodLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.startLabel.setBuddy(self.startSpin)
        self.endLabel.setBuddy(self.endSpin)
        self.periodNameLabel.setBuddy(self.periodNameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rpjmdRadio, self.transitionRadio)
        QWidget.setTabOrder(self.transitionRadio, self.startSpin)
        QWidget.setTabOrder(self.startSpin, self.endSpin)
        QWidget.setTabOrder(self.endSpin, self.periodNameEdit)

        self.retranslateUi(SetupPeriodPage)

        QMetaObject.connectSlotsByName(SetupPeriodPage)
    # setupUi

    def retranslateUi(self, SetupPeriodPage):
        SetupPeriodPage.setTitle(QCoreApplication.translate("SetupPeriodPage", u"Periode perencanaan", None))
        SetupPeriodPage.setSubTitle(QCoreApplication.translate("SetupPeriodPage", u"Periode RPJMD tempat Renstra, Perjanjian Kinerja dan evaluasi disusun.", None))
        self.periodKindLabel.setText(QCoreApplication.translate("SetupPeriodPage", u"Jenis:", None))
        self.rpjmdRadio.setText(QCoreApplication.translate("SetupPeriodPage", u"&RPJMD (lima tahun)", None))
        self.transitionRadio.setText(QCoreApplication.translate("SetupPeriodPage", u"Periode &transisi (RPD)", None))
        self.startLabel.setText(QCoreApplication.translate("SetupPeriodPage", u"Tahun &awal:", None))
        self.endLabel.setText(QCoreApplication.translate("SetupPeriodPage", u"Tahun a&khir:", None))
        self.periodNameLabel.setText(QCoreApplication.translate("SetupPeriodPage", u"&Nama periode:", None))
        self.yearsLabel.setText(QCoreApplication.translate("SetupPeriodPage", u"Tahun anggaran:", None))
        self.yearsValue.setText("")
        self.periodHint.setText(QCoreApplication.translate("SetupPeriodPage", u"RPJMD mengikuti masa jabatan kepala daerah hasil pilkada serentak (mis. 2025\u20132029). Periode transisi (Rencana Pembangunan Daerah) dipakai di antara dua masa jabatan. Misi, tujuan, sasaran dan indikator RPJMD diisi kemudian di layar RPJMD.", None))
    # retranslateUi

