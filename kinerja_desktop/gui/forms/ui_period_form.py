# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'period_form.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_PeriodForm(object):
    def setupUi(self, PeriodForm):
        if not PeriodForm.objectName():
            PeriodForm.setObjectName(u"PeriodForm")
        PeriodForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(PeriodForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(PeriodForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.periodLayout = QFormLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodKindLabel = QLabel(PeriodForm)
        self.periodKindLabel.setObjectName(u"periodKindLabel")

        self.periodLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodKindLabel)

        self.periodKindLayout = QHBoxLayout()
        self.periodKindLayout.setObjectName(u"periodKindLayout")
        self.rpjmdRadio = QRadioButton(PeriodForm)
        self.rpjmdRadio.setObjectName(u"rpjmdRadio")
        self.rpjmdRadio.setChecked(True)

        self.periodKindLayout.addWidget(self.rpjmdRadio)

        self.transitionRadio = QRadioButton(PeriodForm)
        self.transitionRadio.setObjectName(u"transitionRadio")

        self.periodKindLayout.addWidget(self.transitionRadio)

        self.periodKindLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodKindLayout.addItem(self.periodKindLayoutSpacer)


        self.periodLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.periodKindLayout)

        self.startLabel = QLabel(PeriodForm)
        self.startLabel.setObjectName(u"startLabel")

        self.periodLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startSpin = QSpinBox(PeriodForm)
        self.startSpin.setObjectName(u"startSpin")
        self.startSpin.setMinimum(2000)
        self.startSpin.setMaximum(2100)

        self.periodLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startSpin)

        self.startError = QLabel(PeriodForm)
        self.startError.setObjectName(u"startError")
        self.startError.setStyleSheet(u"color: #b3261e;")
        self.startError.setWordWrap(True)

        self.periodLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startError)

        self.endLabel = QLabel(PeriodForm)
        self.endLabel.setObjectName(u"endLabel")

        self.periodLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endSpin = QSpinBox(PeriodForm)
        self.endSpin.setObjectName(u"endSpin")
        self.endSpin.setMinimum(2000)
        self.endSpin.setMaximum(2100)

        self.periodLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.endSpin)

        self.endError = QLabel(PeriodForm)
        self.endError.setObjectName(u"endError")
        self.endError.setStyleSheet(u"color: #b3261e;")
        self.endError.setWordWrap(True)

        self.periodLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.endError)

        self.periodNameLabel = QLabel(PeriodForm)
        self.periodNameLabel.setObjectName(u"periodNameLabel")

        self.periodLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.periodNameLabel)

        self.periodNameEdit = QLineEdit(PeriodForm)
        self.periodNameEdit.setObjectName(u"periodNameEdit")
        self.periodNameEdit.setMaxLength(120)

        self.periodLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.periodNameEdit)

        self.periodNameError = QLabel(PeriodForm)
        self.periodNameError.setObjectName(u"periodNameError")
        self.periodNameError.setStyleSheet(u"color: #b3261e;")
        self.periodNameError.setWordWrap(True)

        self.periodLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.periodNameError)

        self.yearsLabel = QLabel(PeriodForm)
        self.yearsLabel.setObjectName(u"yearsLabel")

        self.periodLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.yearsLabel)

        self.yearsValue = QLabel(PeriodForm)
        self.yearsValue.setObjectName(u"yearsValue")
        self.yearsValue.setWordWrap(True)

        self.periodLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.yearsValue)

        self.periodHint = QLabel(PeriodForm)
        self.periodHint.setObjectName(u"periodHint")
        self.periodHint.setWordWrap(True)

        self.periodLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.periodHint)


        self.mainLayout.addLayout(self.periodLayout)

        self.buttonBox = QDialogButtonBox(PeriodForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.startLabel.setBuddy(self.startSpin)
        self.endLabel.setBuddy(self.endSpin)
        self.periodNameLabel.setBuddy(self.periodNameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rpjmdRadio, self.transitionRadio)
        QWidget.setTabOrder(self.transitionRadio, self.startSpin)
        QWidget.setTabOrder(self.startSpin, self.endSpin)
        QWidget.setTabOrder(self.endSpin, self.periodNameEdit)

        self.retranslateUi(PeriodForm)
        self.buttonBox.accepted.connect(PeriodForm.accept)
        self.buttonBox.rejected.connect(PeriodForm.reject)

        QMetaObject.connectSlotsByName(PeriodForm)
    # setupUi

    def retranslateUi(self, PeriodForm):
        PeriodForm.setWindowTitle(QCoreApplication.translate("PeriodForm", u"Periode perencanaan", None))
        self.periodKindLabel.setText(QCoreApplication.translate("PeriodForm", u"Jenis:", None))
        self.rpjmdRadio.setText(QCoreApplication.translate("PeriodForm", u"&RPJMD (lima tahun)", None))
        self.transitionRadio.setText(QCoreApplication.translate("PeriodForm", u"Periode &transisi (RPD)", None))
        self.startLabel.setText(QCoreApplication.translate("PeriodForm", u"Tahun &awal:", None))
        self.endLabel.setText(QCoreApplication.translate("PeriodForm", u"Tahun a&khir:", None))
        self.periodNameLabel.setText(QCoreApplication.translate("PeriodForm", u"&Nama periode:", None))
        self.yearsLabel.setText(QCoreApplication.translate("PeriodForm", u"Tahun anggaran:", None))
        self.yearsValue.setText("")
        self.periodHint.setText(QCoreApplication.translate("PeriodForm", u"Satu tahun hanya milik satu periode aktif. Periode yang sudah dipakai Renstra atau Perjanjian Kinerja dinonaktifkan, bukan dihapus.", None))
    # retranslateUi

