# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'regency_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_RegencyForm(object):
    def setupUi(self, RegencyForm):
        if not RegencyForm.objectName():
            RegencyForm.setObjectName(u"RegencyForm")
        RegencyForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(RegencyForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(RegencyForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.tabs = QTabWidget(RegencyForm)
        self.tabs.setObjectName(u"tabs")
        self.profileTab = QWidget()
        self.profileTab.setObjectName(u"profileTab")
        self.profileLayout = QFormLayout(self.profileTab)
        self.profileLayout.setObjectName(u"profileLayout")
        self.kindLabel = QLabel(self.profileTab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.profileLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.profileTab)
        self.kindCombo.setObjectName(u"kindCombo")

        self.profileLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.nameLabel = QLabel(self.profileTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.profileLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.profileTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.profileLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.profileTab)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b3261e;")
        self.nameError.setWordWrap(True)

        self.profileLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.provinceLabel = QLabel(self.profileTab)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.profileLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.provinceLabel)

        self.provinceEdit = QLineEdit(self.profileTab)
        self.provinceEdit.setObjectName(u"provinceEdit")

        self.profileLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.provinceEdit)

        self.capitalLabel = QLabel(self.profileTab)
        self.capitalLabel.setObjectName(u"capitalLabel")

        self.profileLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.capitalLabel)

        self.capitalEdit = QLineEdit(self.profileTab)
        self.capitalEdit.setObjectName(u"capitalEdit")

        self.profileLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.capitalEdit)

        self.capitalError = QLabel(self.profileTab)
        self.capitalError.setObjectName(u"capitalError")
        self.capitalError.setStyleSheet(u"color: #b3261e;")
        self.capitalError.setWordWrap(True)

        self.profileLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.capitalError)

        self.addressLabel = QLabel(self.profileTab)
        self.addressLabel.setObjectName(u"addressLabel")

        self.profileLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.profileTab)
        self.addressEdit.setObjectName(u"addressEdit")

        self.profileLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.profileTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.profileLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.profileTab)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.profileLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.websiteLabel = QLabel(self.profileTab)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.profileLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.websiteEdit = QLineEdit(self.profileTab)
        self.websiteEdit.setObjectName(u"websiteEdit")

        self.profileLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.websiteEdit)

        self.emailLabel = QLabel(self.profileTab)
        self.emailLabel.setObjectName(u"emailLabel")

        self.profileLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.profileTab)
        self.emailEdit.setObjectName(u"emailEdit")

        self.profileLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.emailError = QLabel(self.profileTab)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setStyleSheet(u"color: #b3261e;")
        self.emailError.setWordWrap(True)

        self.profileLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.emailError)

        self.logoLabel = QLabel(self.profileTab)
        self.logoLabel.setObjectName(u"logoLabel")

        self.profileLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoLayout = QHBoxLayout()
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoPreview = QLabel(self.profileTab)
        self.logoPreview.setObjectName(u"logoPreview")

        self.logoLayout.addWidget(self.logoPreview)

        self.logoButton = QPushButton(self.profileTab)
        self.logoButton.setObjectName(u"logoButton")

        self.logoLayout.addWidget(self.logoButton)

        self.logoClearButton = QPushButton(self.profileTab)
        self.logoClearButton.setObjectName(u"logoClearButton")

        self.logoLayout.addWidget(self.logoClearButton)

        self.logoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoLayout.addItem(self.logoSpacer)


        self.profileLayout.setLayout(11, QFormLayout.ItemRole.FieldRole, self.logoLayout)

        self.logoError = QLabel(self.profileTab)
        self.logoError.setObjectName(u"logoError")
        self.logoError.setStyleSheet(u"color: #b3261e;")
        self.logoError.setWordWrap(True)

        self.profileLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.logoError)

        self.tabs.addTab(self.profileTab, "")
        self.settingsTab = QWidget()
        self.settingsTab.setObjectName(u"settingsTab")
        self.settingsLayout = QFormLayout(self.settingsTab)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.capLabel = QLabel(self.settingsTab)
        self.capLabel.setObjectName(u"capLabel")

        self.settingsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.capLabel)

        self.capSpin = QDoubleSpinBox(self.settingsTab)
        self.capSpin.setObjectName(u"capSpin")
        self.capSpin.setDecimals(2)
        self.capSpin.setMinimum(100.000000000000000)
        self.capSpin.setMaximum(200.000000000000000)

        self.settingsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.capSpin)

        self.capError = QLabel(self.settingsTab)
        self.capError.setObjectName(u"capError")
        self.capError.setStyleSheet(u"color: #b3261e;")
        self.capError.setWordWrap(True)

        self.settingsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.capError)

        self.formulaLabel = QLabel(self.settingsTab)
        self.formulaLabel.setObjectName(u"formulaLabel")

        self.settingsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formulaLabel)

        self.formulaCombo = QComboBox(self.settingsTab)
        self.formulaCombo.setObjectName(u"formulaCombo")

        self.settingsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.formulaCombo)

        self.formulaError = QLabel(self.settingsTab)
        self.formulaError.setObjectName(u"formulaError")
        self.formulaError.setStyleSheet(u"color: #b3261e;")
        self.formulaError.setWordWrap(True)

        self.settingsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.formulaError)

        self.thresholdLabel = QLabel(self.settingsTab)
        self.thresholdLabel.setObjectName(u"thresholdLabel")

        self.settingsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.thresholdLabel)

        self.thresholdSpin = QDoubleSpinBox(self.settingsTab)
        self.thresholdSpin.setObjectName(u"thresholdSpin")
        self.thresholdSpin.setDecimals(2)
        self.thresholdSpin.setMinimum(1.000000000000000)
        self.thresholdSpin.setMaximum(100.000000000000000)

        self.settingsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.thresholdSpin)

        self.thresholdError = QLabel(self.settingsTab)
        self.thresholdError.setObjectName(u"thresholdError")
        self.thresholdError.setStyleSheet(u"color: #b3261e;")
        self.thresholdError.setWordWrap(True)

        self.settingsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.thresholdError)

        self.marginLabel = QLabel(self.settingsTab)
        self.marginLabel.setObjectName(u"marginLabel")

        self.settingsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.marginLabel)

        self.marginSpin = QDoubleSpinBox(self.settingsTab)
        self.marginSpin.setObjectName(u"marginSpin")
        self.marginSpin.setDecimals(2)
        self.marginSpin.setMinimum(0.000000000000000)
        self.marginSpin.setMaximum(50.000000000000000)

        self.settingsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.marginSpin)

        self.marginError = QLabel(self.settingsTab)
        self.marginError.setObjectName(u"marginError")
        self.marginError.setStyleSheet(u"color: #b3261e;")
        self.marginError.setWordWrap(True)

        self.settingsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.marginError)

        self.bandsLabel = QLabel(self.settingsTab)
        self.bandsLabel.setObjectName(u"bandsLabel")

        self.settingsLayout.setWidget(8, QFormLayout.ItemRole.SpanningRole, self.bandsLabel)

        self.bandsTable = QTableWidget(self.settingsTab)
        self.bandsTable.setObjectName(u"bandsTable")

        self.settingsLayout.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.bandsTable)

        self.bandsResetButton = QPushButton(self.settingsTab)
        self.bandsResetButton.setObjectName(u"bandsResetButton")

        self.settingsLayout.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.bandsResetButton)

        self.lowerMonitoringCheck = QCheckBox(self.settingsTab)
        self.lowerMonitoringCheck.setObjectName(u"lowerMonitoringCheck")

        self.settingsLayout.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.lowerMonitoringCheck)

        self.verificationRequiredCheck = QCheckBox(self.settingsTab)
        self.verificationRequiredCheck.setObjectName(u"verificationRequiredCheck")

        self.settingsLayout.setWidget(12, QFormLayout.ItemRole.SpanningRole, self.verificationRequiredCheck)

        self.tabs.addTab(self.settingsTab, "")
        self.agencyTab = QWidget()
        self.agencyTab.setObjectName(u"agencyTab")
        self.agencyLayout = QFormLayout(self.agencyTab)
        self.agencyLayout.setObjectName(u"agencyLayout")
        self.agencyNote = QLabel(self.agencyTab)
        self.agencyNote.setObjectName(u"agencyNote")
        self.agencyNote.setWordWrap(True)

        self.agencyLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.agencyNote)

        self.agencyNameLabel = QLabel(self.agencyTab)
        self.agencyNameLabel.setObjectName(u"agencyNameLabel")

        self.agencyLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agencyNameLabel)

        self.agencyNameEdit = QLineEdit(self.agencyTab)
        self.agencyNameEdit.setObjectName(u"agencyNameEdit")

        self.agencyLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agencyNameEdit)

        self.agencyShortLabel = QLabel(self.agencyTab)
        self.agencyShortLabel.setObjectName(u"agencyShortLabel")

        self.agencyLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agencyShortLabel)

        self.agencyShortEdit = QLineEdit(self.agencyTab)
        self.agencyShortEdit.setObjectName(u"agencyShortEdit")

        self.agencyLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agencyShortEdit)

        self.agencyOpdLabel = QLabel(self.agencyTab)
        self.agencyOpdLabel.setObjectName(u"agencyOpdLabel")

        self.agencyLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.agencyOpdLabel)

        self.agencyOpdCombo = QComboBox(self.agencyTab)
        self.agencyOpdCombo.setObjectName(u"agencyOpdCombo")

        self.agencyLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.agencyOpdCombo)

        self.agencyAddressLabel = QLabel(self.agencyTab)
        self.agencyAddressLabel.setObjectName(u"agencyAddressLabel")

        self.agencyLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.agencyAddressLabel)

        self.agencyAddressEdit = QLineEdit(self.agencyTab)
        self.agencyAddressEdit.setObjectName(u"agencyAddressEdit")

        self.agencyLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.agencyAddressEdit)

        self.agencyPhoneLabel = QLabel(self.agencyTab)
        self.agencyPhoneLabel.setObjectName(u"agencyPhoneLabel")

        self.agencyLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.agencyPhoneLabel)

        self.agencyPhoneEdit = QLineEdit(self.agencyTab)
        self.agencyPhoneEdit.setObjectName(u"agencyPhoneEdit")

        self.agencyLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.agencyPhoneEdit)

        self.agencyWebsiteLabel = QLabel(self.agencyTab)
        self.agencyWebsiteLabel.setObjectName(u"agencyWebsiteLabel")

        self.agencyLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.agencyWebsiteLabel)

        self.agencyWebsiteEdit = QLineEdit(self.agencyTab)
        self.agencyWebsiteEdit.setObjectName(u"agencyWebsiteEdit")

        self.agencyLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.agencyWebsiteEdit)

        self.agencyEmailLabel = QLabel(self.agencyTab)
        self.agencyEmailLabel.setObjectName(u"agencyEmailLabel")

        self.agencyLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.agencyEmailLabel)

        self.agencyEmailEdit = QLineEdit(self.agencyTab)
        self.agencyEmailEdit.setObjectName(u"agencyEmailEdit")

        self.agencyLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.agencyEmailEdit)

        self.agencyEmailError = QLabel(self.agencyTab)
        self.agencyEmailError.setObjectName(u"agencyEmailError")
        self.agencyEmailError.setStyleSheet(u"color: #b3261e;")
        self.agencyEmailError.setWordWrap(True)

        self.agencyLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.agencyEmailError)

        self.tabs.addTab(self.agencyTab, "")
        self.textsTab = QWidget()
        self.textsTab.setObjectName(u"textsTab")
        self.textsLayout = QVBoxLayout(self.textsTab)
        self.textsLayout.setObjectName(u"textsLayout")
        self.textsNote = QLabel(self.textsTab)
        self.textsNote.setObjectName(u"textsNote")
        self.textsNote.setWordWrap(True)

        self.textsLayout.addWidget(self.textsNote)

        self.textChoiceLayout = QHBoxLayout()
        self.textChoiceLayout.setObjectName(u"textChoiceLayout")
        self.textChoiceLabel = QLabel(self.textsTab)
        self.textChoiceLabel.setObjectName(u"textChoiceLabel")

        self.textChoiceLayout.addWidget(self.textChoiceLabel)

        self.textCombo = QComboBox(self.textsTab)
        self.textCombo.setObjectName(u"textCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.textCombo.sizePolicy().hasHeightForWidth())
        self.textCombo.setSizePolicy(sizePolicy)

        self.textChoiceLayout.addWidget(self.textCombo)


        self.textsLayout.addLayout(self.textChoiceLayout)

        self.textEdit = QPlainTextEdit(self.textsTab)
        self.textEdit.setObjectName(u"textEdit")

        self.textsLayout.addWidget(self.textEdit)

        self.textError = QLabel(self.textsTab)
        self.textError.setObjectName(u"textError")
        self.textError.setTextFormat(Qt.PlainText)
        self.textError.setStyleSheet(u"color: #b3261e;")
        self.textError.setWordWrap(True)

        self.textsLayout.addWidget(self.textError)

        self.textButtons = QHBoxLayout()
        self.textButtons.setObjectName(u"textButtons")
        self.textHint = QLabel(self.textsTab)
        self.textHint.setObjectName(u"textHint")
        self.textHint.setTextFormat(Qt.PlainText)
        self.textHint.setWordWrap(True)

        self.textButtons.addWidget(self.textHint)

        self.textDefaultButton = QPushButton(self.textsTab)
        self.textDefaultButton.setObjectName(u"textDefaultButton")

        self.textButtons.addWidget(self.textDefaultButton)


        self.textsLayout.addLayout(self.textButtons)

        self.tabs.addTab(self.textsTab, "")
        self.leadersTab = QWidget()
        self.leadersTab.setObjectName(u"leadersTab")
        self.leadersLayout = QVBoxLayout(self.leadersTab)
        self.leadersLayout.setObjectName(u"leadersLayout")
        self.leadersView = QTableView(self.leadersTab)
        self.leadersView.setObjectName(u"leadersView")

        self.leadersLayout.addWidget(self.leadersView)

        self.leaderButtons = QHBoxLayout()
        self.leaderButtons.setObjectName(u"leaderButtons")
        self.addLeaderButton = QPushButton(self.leadersTab)
        self.addLeaderButton.setObjectName(u"addLeaderButton")

        self.leaderButtons.addWidget(self.addLeaderButton)

        self.editLeaderButton = QPushButton(self.leadersTab)
        self.editLeaderButton.setObjectName(u"editLeaderButton")

        self.leaderButtons.addWidget(self.editLeaderButton)

        self.leaderSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.leaderButtons.addItem(self.leaderSpacer)


        self.leadersLayout.addLayout(self.leaderButtons)

        self.tabs.addTab(self.leadersTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(RegencyForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.provinceLabel.setBuddy(self.provinceEdit)
        self.capitalLabel.setBuddy(self.capitalEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.websiteLabel.setBuddy(self.websiteEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.capLabel.setBuddy(self.capSpin)
        self.formulaLabel.setBuddy(self.formulaCombo)
        self.thresholdLabel.setBuddy(self.thresholdSpin)
        self.marginLabel.setBuddy(self.marginSpin)
        self.agencyNameLabel.setBuddy(self.agencyNameEdit)
        self.agencyShortLabel.setBuddy(self.agencyShortEdit)
        self.agencyOpdLabel.setBuddy(self.agencyOpdCombo)
        self.agencyAddressLabel.setBuddy(self.agencyAddressEdit)
        self.agencyPhoneLabel.setBuddy(self.agencyPhoneEdit)
        self.agencyWebsiteLabel.setBuddy(self.agencyWebsiteEdit)
        self.agencyEmailLabel.setBuddy(self.agencyEmailEdit)
        self.textChoiceLabel.setBuddy(self.textCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RegencyForm)
        self.buttonBox.accepted.connect(RegencyForm.accept)
        self.buttonBox.rejected.connect(RegencyForm.reject)

        QMetaObject.connectSlotsByName(RegencyForm)
    # setupUi

    def retranslateUi(self, RegencyForm):
        RegencyForm.setWindowTitle(QCoreApplication.translate("RegencyForm", u"Profil Pemerintah Daerah", None))
        self.kindLabel.setText(QCoreApplication.translate("RegencyForm", u"&Jenis:", None))
        self.nameLabel.setText(QCoreApplication.translate("RegencyForm", u"&Nama:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"Sukamaju (tanpa kata Kabupaten/Kota)", None))
        self.provinceLabel.setText(QCoreApplication.translate("RegencyForm", u"&Provinsi:", None))
        self.provinceEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"Jawa Tengah", None))
        self.capitalLabel.setText(QCoreApplication.translate("RegencyForm", u"&Tempat penandatanganan:", None))
        self.capitalEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"Sukamaju", None))
        self.addressLabel.setText(QCoreApplication.translate("RegencyForm", u"&Alamat:", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"Jalan Soekarno-Hatta Nomor 1", None))
        self.phoneLabel.setText(QCoreApplication.translate("RegencyForm", u"Telep&on:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"(0294) 381001", None))
        self.websiteLabel.setText(QCoreApplication.translate("RegencyForm", u"&Website:", None))
        self.websiteEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"namakab.go.id", None))
        self.emailLabel.setText(QCoreApplication.translate("RegencyForm", u"&E-mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"setda@namakab.go.id", None))
        self.logoLabel.setText(QCoreApplication.translate("RegencyForm", u"Logo:", None))
        self.logoPreview.setText(QCoreApplication.translate("RegencyForm", u"(belum ada logo)", None))
        self.logoButton.setText(QCoreApplication.translate("RegencyForm", u"Pilih &logo (PNG)\u2026", None))
        self.logoClearButton.setText(QCoreApplication.translate("RegencyForm", u"Hapus logo", None))
        self.tabs.setTabText(self.tabs.indexOf(self.profileTab), QCoreApplication.translate("RegencyForm", u"Profil", None))
        self.capLabel.setText(QCoreApplication.translate("RegencyForm", u"&Batas atas capaian untuk nilai:", None))
        self.capSpin.setSuffix(QCoreApplication.translate("RegencyForm", u" %", None))
        self.formulaLabel.setText(QCoreApplication.translate("RegencyForm", u"&Rumus indikator negatif:", None))
        self.thresholdLabel.setText(QCoreApplication.translate("RegencyForm", u"&Ambang peringatan dini:", None))
        self.thresholdSpin.setSuffix(QCoreApplication.translate("RegencyForm", u" %", None))
        self.marginLabel.setText(QCoreApplication.translate("RegencyForm", u"&Selisih efisiensi:", None))
        self.marginSpin.setSuffix(QCoreApplication.translate("RegencyForm", u" poin", None))
        self.bandsLabel.setText(QCoreApplication.translate("RegencyForm", u"Predikat nilai (batas bawah dan sebutan), dari yang tertinggi:", None))
        self.bandsResetButton.setText(QCoreApplication.translate("RegencyForm", u"Kembalikan ke bawaan (Permendagri 86/2017)", None))
        self.lowerMonitoringCheck.setText(QCoreApplication.translate("RegencyForm", u"&Pantau PK eselon III dan IV per triwulan (nilai OPD tetap dari PK kepala OPD)", None))
#if QT_CONFIG(tooltip)
        self.verificationRequiredCheck.setToolTip(QCoreApplication.translate("RegencyForm", u"Bila dicentang, PK perangkat daerah baru dapat difinalkan setelah diajukan dan diverifikasi Bappeda", None))
#endif // QT_CONFIG(tooltip)
        self.verificationRequiredCheck.setText(QCoreApplication.translate("RegencyForm", u"PK &diverifikasi Bappeda sebelum final", None))
        self.tabs.setTabText(self.tabs.indexOf(self.settingsTab), QCoreApplication.translate("RegencyForm", u"Pengaturan penilaian", None))
        self.agencyNote.setText(QCoreApplication.translate("RegencyForm", u"Badan yang menerbitkan laporan se-kabupaten/kota (peringkat kinerja, daftar belum lapor): kopnya diambil dari sini, dan kepala perangkat daerah yang dipilih menandatanganinya.", None))
        self.agencyNameLabel.setText(QCoreApplication.translate("RegencyForm", u"Nama ba&dan:", None))
        self.agencyNameEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"Badan Perencanaan Pembangunan Daerah", None))
        self.agencyShortLabel.setText(QCoreApplication.translate("RegencyForm", u"Sin&gkatan:", None))
        self.agencyShortEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"Bappeda", None))
        self.agencyOpdLabel.setText(QCoreApplication.translate("RegencyForm", u"Perangkat daera&hnya:", None))
        self.agencyAddressLabel.setText(QCoreApplication.translate("RegencyForm", u"Ala&mat:", None))
        self.agencyAddressEdit.setPlaceholderText(QCoreApplication.translate("RegencyForm", u"kosong: alamat perangkat daerahnya", None))
        self.agencyPhoneLabel.setText(QCoreApplication.translate("RegencyForm", u"Telep&on:", None))
        self.agencyWebsiteLabel.setText(QCoreApplication.translate("RegencyForm", u"Webs&ite:", None))
        self.agencyEmailLabel.setText(QCoreApplication.translate("RegencyForm", u"E-mai&l:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agencyTab), QCoreApplication.translate("RegencyForm", u"Badan perencanaan", None))
        self.textsNote.setText(QCoreApplication.translate("RegencyForm", u"Kalimat baku PK dan Pakta Integritas dapat disesuaikan dengan kebiasaan daerah. Berlaku untuk draf dan dokumen yang difinalkan sesudahnya; PK dan Pakta yang sudah ditandatangani tetap seperti saat ditandatangani.", None))
        self.textChoiceLabel.setText(QCoreApplication.translate("RegencyForm", u"&Kalimat:", None))
        self.textHint.setText(QCoreApplication.translate("RegencyForm", u"Tanda <b>, <i>, <u> untuk tebal, miring, garis bawah; {tahun}, {versi}, {tanggal}, {alasan}, {instansi} diisi saat dicetak.", None))
        self.textDefaultButton.setText(QCoreApplication.translate("RegencyForm", u"Kembalikan ke teks &baku", None))
        self.tabs.setTabText(self.tabs.indexOf(self.textsTab), QCoreApplication.translate("RegencyForm", u"Teks dokumen", None))
        self.addLeaderButton.setText(QCoreApplication.translate("RegencyForm", u"&Tambah pimpinan\u2026", None))
        self.editLeaderButton.setText(QCoreApplication.translate("RegencyForm", u"&Ubah\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.leadersTab), QCoreApplication.translate("RegencyForm", u"Pimpinan daerah", None))
    # retranslateUi

