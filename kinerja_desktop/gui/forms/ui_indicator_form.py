# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

class Ui_IndicatorForm(object):
    def setupUi(self, IndicatorForm):
        if not IndicatorForm.objectName():
            IndicatorForm.setObjectName(u"IndicatorForm")
        IndicatorForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(IndicatorForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(IndicatorForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.indicatorGroup = QGroupBox(IndicatorForm)
        self.indicatorGroup.setObjectName(u"indicatorGroup")
        self.indicatorLayout = QFormLayout(self.indicatorGroup)
        self.indicatorLayout.setObjectName(u"indicatorLayout")
        self.goalLabel = QLabel(self.indicatorGroup)
        self.goalLabel.setObjectName(u"goalLabel")

        self.indicatorLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.goalLabel)

        self.goalCombo = QComboBox(self.indicatorGroup)
        self.goalCombo.setObjectName(u"goalCombo")

        self.indicatorLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.goalCombo)

        self.goalError = QLabel(self.indicatorGroup)
        self.goalError.setObjectName(u"goalError")
        self.goalError.setStyleSheet(u"color: #b3261e;")
        self.goalError.setWordWrap(True)

        self.indicatorLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.goalError)

        self.codeLabel = QLabel(self.indicatorGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.indicatorLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.indicatorGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.indicatorLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.nameLabel = QLabel(self.indicatorGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.indicatorLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.indicatorGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.indicatorLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.indicatorGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b3261e;")
        self.nameError.setWordWrap(True)

        self.indicatorLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.unitLabel = QLabel(self.indicatorGroup)
        self.unitLabel.setObjectName(u"unitLabel")

        self.indicatorLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(self.indicatorGroup)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setEditable(True)
        self.unitCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.indicatorLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.unitError = QLabel(self.indicatorGroup)
        self.unitError.setObjectName(u"unitError")
        self.unitError.setStyleSheet(u"color: #b3261e;")
        self.unitError.setWordWrap(True)

        self.indicatorLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.unitError)

        self.polarityLabel = QLabel(self.indicatorGroup)
        self.polarityLabel.setObjectName(u"polarityLabel")

        self.indicatorLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.polarityLabel)

        self.polarityCombo = QComboBox(self.indicatorGroup)
        self.polarityCombo.setObjectName(u"polarityCombo")

        self.indicatorLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.polarityCombo)

        self.cumulationLabel = QLabel(self.indicatorGroup)
        self.cumulationLabel.setObjectName(u"cumulationLabel")

        self.indicatorLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.cumulationLabel)

        self.cumulationCombo = QComboBox(self.indicatorGroup)
        self.cumulationCombo.setObjectName(u"cumulationCombo")

        self.indicatorLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.cumulationCombo)

        self.cumulationHint = QLabel(self.indicatorGroup)
        self.cumulationHint.setObjectName(u"cumulationHint")
        self.cumulationHint.setWordWrap(True)

        self.indicatorLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.cumulationHint)

        self.scaleLabel = QLabel(self.indicatorGroup)
        self.scaleLabel.setObjectName(u"scaleLabel")

        self.indicatorLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.scaleLabel)

        self.scaleCombo = QComboBox(self.indicatorGroup)
        self.scaleCombo.setObjectName(u"scaleCombo")

        self.indicatorLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.scaleCombo)

        self.weightLabel = QLabel(self.indicatorGroup)
        self.weightLabel.setObjectName(u"weightLabel")

        self.indicatorLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.weightLabel)

        self.weightEdit = QLineEdit(self.indicatorGroup)
        self.weightEdit.setObjectName(u"weightEdit")
        self.weightEdit.setMaxLength(12)

        self.indicatorLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.weightEdit)

        self.weightError = QLabel(self.indicatorGroup)
        self.weightError.setObjectName(u"weightError")
        self.weightError.setStyleSheet(u"color: #b3261e;")
        self.weightError.setWordWrap(True)

        self.indicatorLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.weightError)


        self.columnsLayout.addWidget(self.indicatorGroup)

        self.definitionGroup = QGroupBox(IndicatorForm)
        self.definitionGroup.setObjectName(u"definitionGroup")
        self.definitionLayout = QFormLayout(self.definitionGroup)
        self.definitionLayout.setObjectName(u"definitionLayout")
        self.definitionLabel = QLabel(self.definitionGroup)
        self.definitionLabel.setObjectName(u"definitionLabel")

        self.definitionLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.definitionLabel)

        self.definitionEdit = QPlainTextEdit(self.definitionGroup)
        self.definitionEdit.setObjectName(u"definitionEdit")
        self.definitionEdit.setTabChangesFocus(True)

        self.definitionLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.definitionEdit)

        self.formulaLabel = QLabel(self.definitionGroup)
        self.formulaLabel.setObjectName(u"formulaLabel")

        self.definitionLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formulaLabel)

        self.formulaEdit = QPlainTextEdit(self.definitionGroup)
        self.formulaEdit.setObjectName(u"formulaEdit")
        self.formulaEdit.setTabChangesFocus(True)

        self.definitionLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formulaEdit)

        self.dataSourceLabel = QLabel(self.definitionGroup)
        self.dataSourceLabel.setObjectName(u"dataSourceLabel")

        self.definitionLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dataSourceLabel)

        self.dataSourceEdit = QLineEdit(self.definitionGroup)
        self.dataSourceEdit.setObjectName(u"dataSourceEdit")
        self.dataSourceEdit.setMaxLength(250)

        self.definitionLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dataSourceEdit)

        self.baselineLabel = QLabel(self.definitionGroup)
        self.baselineLabel.setObjectName(u"baselineLabel")

        self.definitionLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.baselineLabel)

        self.baselineLayout = QHBoxLayout()
        self.baselineLayout.setObjectName(u"baselineLayout")
        self.baselineEdit = QLineEdit(self.definitionGroup)
        self.baselineEdit.setObjectName(u"baselineEdit")
        self.baselineEdit.setMaxLength(24)

        self.baselineLayout.addWidget(self.baselineEdit)

        self.baselineYearLabel = QLabel(self.definitionGroup)
        self.baselineYearLabel.setObjectName(u"baselineYearLabel")

        self.baselineLayout.addWidget(self.baselineYearLabel)

        self.baselineYearSpin = QSpinBox(self.definitionGroup)
        self.baselineYearSpin.setObjectName(u"baselineYearSpin")
        self.baselineYearSpin.setMinimum(1999)
        self.baselineYearSpin.setMaximum(2100)

        self.baselineLayout.addWidget(self.baselineYearSpin)


        self.definitionLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.baselineLayout)

        self.baselineError = QLabel(self.definitionGroup)
        self.baselineError.setObjectName(u"baselineError")
        self.baselineError.setStyleSheet(u"color: #b3261e;")
        self.baselineError.setWordWrap(True)

        self.definitionLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.baselineError)


        self.columnsLayout.addWidget(self.definitionGroup)


        self.mainLayout.addLayout(self.columnsLayout)

        self.targetsGroup = QGroupBox(IndicatorForm)
        self.targetsGroup.setObjectName(u"targetsGroup")
        self.targetsLayout = QVBoxLayout(self.targetsGroup)
        self.targetsLayout.setObjectName(u"targetsLayout")
        self.targetsHint = QLabel(self.targetsGroup)
        self.targetsHint.setObjectName(u"targetsHint")
        self.targetsHint.setWordWrap(True)

        self.targetsLayout.addWidget(self.targetsHint)

        self.targetsView = QTableView(self.targetsGroup)
        self.targetsView.setObjectName(u"targetsView")
        self.targetsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.targetsLayout.addWidget(self.targetsView)

        self.targetsError = QLabel(self.targetsGroup)
        self.targetsError.setObjectName(u"targetsError")
        self.targetsError.setStyleSheet(u"color: #b3261e;")
        self.targetsError.setWordWrap(True)

        self.targetsLayout.addWidget(self.targetsError)


        self.mainLayout.addWidget(self.targetsGroup)

        self.buttonBox = QDialogButtonBox(IndicatorForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.goalLabel.setBuddy(self.goalCombo)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.unitLabel.setBuddy(self.unitCombo)
        self.polarityLabel.setBuddy(self.polarityCombo)
        self.cumulationLabel.setBuddy(self.cumulationCombo)
        self.scaleLabel.setBuddy(self.scaleCombo)
        self.weightLabel.setBuddy(self.weightEdit)
        self.definitionLabel.setBuddy(self.definitionEdit)
        self.formulaLabel.setBuddy(self.formulaEdit)
        self.dataSourceLabel.setBuddy(self.dataSourceEdit)
        self.baselineLabel.setBuddy(self.baselineEdit)
        self.baselineYearLabel.setBuddy(self.baselineYearSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.goalCombo, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.polarityCombo)
        QWidget.setTabOrder(self.polarityCombo, self.cumulationCombo)
        QWidget.setTabOrder(self.cumulationCombo, self.scaleCombo)
        QWidget.setTabOrder(self.scaleCombo, self.weightEdit)
        QWidget.setTabOrder(self.weightEdit, self.definitionEdit)
        QWidget.setTabOrder(self.definitionEdit, self.formulaEdit)
        QWidget.setTabOrder(self.formulaEdit, self.dataSourceEdit)
        QWidget.setTabOrder(self.dataSourceEdit, self.baselineEdit)
        QWidget.setTabOrder(self.baselineEdit, self.baselineYearSpin)
        QWidget.setTabOrder(self.baselineYearSpin, self.targetsView)

        self.retranslateUi(IndicatorForm)
        self.buttonBox.accepted.connect(IndicatorForm.accept)
        self.buttonBox.rejected.connect(IndicatorForm.reject)

        QMetaObject.connectSlotsByName(IndicatorForm)
    # setupUi

    def retranslateUi(self, IndicatorForm):
        IndicatorForm.setWindowTitle(QCoreApplication.translate("IndicatorForm", u"Indikator Kinerja", None))
        self.indicatorGroup.setTitle(QCoreApplication.translate("IndicatorForm", u"Indikator", None))
        self.goalLabel.setText(QCoreApplication.translate("IndicatorForm", u"&Sasaran:", None))
        self.codeLabel.setText(QCoreApplication.translate("IndicatorForm", u"&Kode:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("IndicatorForm", u"IK 1.1.1", None))
        self.nameLabel.setText(QCoreApplication.translate("IndicatorForm", u"&Nama indikator:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("IndicatorForm", u"Persentase penduduk wajib KTP ber-KTP-el", None))
        self.unitLabel.setText(QCoreApplication.translate("IndicatorForm", u"Sa&tuan:", None))
        self.polarityLabel.setText(QCoreApplication.translate("IndicatorForm", u"&Polaritas:", None))
        self.cumulationLabel.setText(QCoreApplication.translate("IndicatorForm", u"Ku&mulasi triwulan:", None))
        self.scaleLabel.setText(QCoreApplication.translate("IndicatorForm", u"Skala kualitat&if:", None))
        self.weightLabel.setText(QCoreApplication.translate("IndicatorForm", u"&Bobot:", None))
        self.definitionGroup.setTitle(QCoreApplication.translate("IndicatorForm", u"Definisi dan data", None))
        self.definitionLabel.setText(QCoreApplication.translate("IndicatorForm", u"&Definisi:", None))
        self.formulaLabel.setText(QCoreApplication.translate("IndicatorForm", u"&Formula:", None))
        self.dataSourceLabel.setText(QCoreApplication.translate("IndicatorForm", u"Sumb&er data:", None))
        self.dataSourceEdit.setPlaceholderText(QCoreApplication.translate("IndicatorForm", u"mis. aplikasi SIAK, laporan puskesmas", None))
        self.baselineLabel.setText(QCoreApplication.translate("IndicatorForm", u"Base&line:", None))
        self.baselineYearLabel.setText(QCoreApplication.translate("IndicatorForm", u"ta&hun", None))
        self.baselineYearSpin.setSpecialValueText(QCoreApplication.translate("IndicatorForm", u"\u2014", None))
        self.targetsGroup.setTitle(QCoreApplication.translate("IndicatorForm", u"Target per tahun dan Rencana Aksi (TW I\u2013IV)", None))
    # retranslateUi

