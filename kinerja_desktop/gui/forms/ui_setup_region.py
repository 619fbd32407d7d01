# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_region.ui'
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
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget, QWizardPage)

class Ui_SetupRegionPage(object):
    def setupUi(self, SetupRegionPage):
        if not SetupRegionPage.objectName():
            SetupRegionPage.setObjectName(u"SetupRegionPage")
        self.mainLayout = QVBoxLayout(SetupRegionPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(SetupRegionPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.regionLayout = QFormLayout()
        self.regionLayout.setObjectName(u"regionLayout")
        self.kindLabel = QLabel(SetupRegionPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.regionLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.kabupatenRadio = QRadioButton(SetupRegionPage)
        self.kabupatenRadio.setObjectName(u"kabupatenRadio")
        self.kabupatenRadio.setChecked(True)

        self.kindLayout.addWidget(self.kabupatenRadio)

        self.kotaRadio = QRadioButton(SetupRegionPage)
        self.kotaRadio.setObjectName(u"kotaRadio")

        self.kindLayout.addWidget(self.kotaRadio)

        self.kindLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindLayoutSpacer)


        self.regionLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.kindLayout)

        self.nameLabel = QLabel(SetupRegionPage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.regionLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(SetupRegionPage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.regionLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(SetupRegionPage)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b3261e;")
        self.nameError.setWordWrap(True)

        self.regionLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.provinceLabel = QLabel(SetupRegionPage)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.regionLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.provinceLabel)

        self.provinceEdit = QLineEdit(SetupRegionPage)
        self.provinceEdit.setObjectName(u"provinceEdit")
        self.provinceEdit.setMaxLength(120)

        self.regionLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.provinceEdit)

        self.capitalLabel = QLabel(SetupRegionPage)
        self.capitalLabel.setObjectName(u"capitalLabel")

        self.regionLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.capitalLabel)

        self.capitalEdit = QLineEdit(SetupRegionPage)
        self.capitalEdit.setObjectName(u"capitalEdit")
        self.capitalEdit.setMaxLength(120)

        self.regionLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.capitalEdit)

        self.capitalError = QLabel(SetupRegionPage)
        self.capitalError.setObjectName(u"capitalError")
        self.capitalError.setStyleSheet(u"color: #b3261e;")
        self.capitalError.setWordWrap(True)

        self.regionLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.capitalError)

        self.capitalHint = QLabel(SetupRegionPage)
        self.capitalHint.setObjectName(u"capitalHint")
        self.capitalHint.setWordWrap(True)

        self.regionLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.capitalHint)

        self.addressLabel = QLabel(SetupRegionPage)
        self.addressLabel.setObjectName(u"addressLabel")

        self.regionLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(SetupRegionPage)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(250)

        self.regionLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(SetupRegionPage)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.regionLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(SetupRegionPage)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(60)

        self.regionLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.websiteLabel = QLabel(SetupRegionPage)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.regionLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.websiteEdit = QLineEdit(SetupRegionPage)
        self.websiteEdit.setObjectName(u"websiteEdit")
        self.websiteEdit.setMaxLength(120)

        self.regionLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.websiteEdit)

        self.emailLabel = QLabel(SetupRegionPage)
        self.emailLabel.setObjectName(u"emailLabel")

        self.regionLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(SetupRegionPage)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(120)

        self.regionLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.emailError = QLabel(SetupRegionPage)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setStyleSheet(u"color: #b3261e;")
        self.emailError.setWordWrap(True)

        self.regionLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.emailError)

        self.logoLabel = QLabel(SetupRegionPage)
        self.logoLabel.setObjectName(u"logoLabel")

        self.regionLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoLayout = QHBoxLayout()
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoPreview = QLabel(SetupRegionPage)
        self.logoPreview.setObjectName(u"logoPreview")

        self.logoLayout.addWidget(self.logoPreview)

        self.chooseLogoButton = QPushButton(SetupRegionPage)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")

        self.logoLayout.addWidget(self.chooseLogoButton)

        self.clearLogoButton = QPushButton(SetupRegionPage)
        self.clearLogoButton.setObjectName(u"clearLogoButton")

        self.logoLayout.addWidget(self.clearLogoButton)

        self.logoLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoLayout.addItem(self.logoLayoutSpacer)


        self.regionLayout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.logoLayout)

        self.logoError = QLabel(SetupRegionPage)
        self.logoError.setObjectName(u"logoError")
        self.logoError.setStyleSheet(u"color: #b3261e;")
        self.logoError.setWordWrap(True)

        self.regionLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.logoError)


        self.mainLayout.addLayout(self.regionLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.provinceLabel.setBuddy(self.provinceEdit)
        self.capitalLabel.setBuddy(self.capitalEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.websiteLabel.setBuddy(self.websiteEdit)
        self.emailLabel.setBuddy(self.emailEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kabupatenRadio, self.kotaRadio)
        QWidget.setTabOrder(self.kotaRadio, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.provinceEdit)
        QWidget.setTabOrder(self.provinceEdit, self.capitalEdit)
        QWidget.setTabOrder(self.capitalEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.websiteEdit)
        QWidget.setTabOrder(self.websiteEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.chooseLogoButton)
        QWidget.setTabOrder(self.chooseLogoButton, self.clearLogoButton)

        self.retranslateUi(SetupRegionPage)

        QMetaObject.connectSlotsByName(SetupRegionPage)
    # setupUi

    def retranslateUi(self, SetupRegionPage):
        SetupRegionPage.setTitle(QCoreApplication.translate("SetupRegionPage", u"Pemerintah daerah", None))
        SetupRegionPage.setSubTitle(QCoreApplication.translate("SetupRegionPage", u"Identitas pemerintah daerah yang dicetak pada kop dokumen. Semua dapat diubah kemudian lewat Berkas \u2192 Profil pemerintah daerah.", None))
        self.kindLabel.setText(QCoreApplication.translate("SetupRegionPage", u"Jenis:", None))
        self.kabupatenRadio.setText(QCoreApplication.translate("SetupRegionPage", u"&Kabupaten", None))
        self.kotaRadio.setText(QCoreApplication.translate("SetupRegionPage", u"K&ota", None))
        self.nameLabel.setText(QCoreApplication.translate("SetupRegionPage", u"&Nama daerah:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("SetupRegionPage", u"mis. Wanasari (tanpa kata Kabupaten/Kota)", None))
        self.provinceLabel.setText(QCoreApplication.translate("SetupRegionPage", u"P&rovinsi:", None))
        self.provinceEdit.setPlaceholderText(QCoreApplication.translate("SetupRegionPage", u"mis. Jawa Tengah", None))
        self.capitalLabel.setText(QCoreApplication.translate("SetupRegionPage", u"&Ibu kota:", None))
        self.capitalHint.setText(QCoreApplication.translate("SetupRegionPage", u"Tempat penandatanganan yang dicetak sebelum tanggal dokumen, mis. \u201cWanasari, 26 Januari 2026\u201d.", None))
        self.addressLabel.setText(QCoreApplication.translate("SetupRegionPage", u"&Alamat kantor:", None))
        self.phoneLabel.setText(QCoreApplication.translate("SetupRegionPage", u"&Telepon:", None))
        self.websiteLabel.setText(QCoreApplication.translate("SetupRegionPage", u"La&man:", None))
        self.emailLabel.setText(QCoreApplication.translate("SetupRegionPage", u"Pos-&el:", None))
        self.logoLabel.setText(QCoreApplication.translate("SetupRegionPage", u"Logo:", None))
        self.logoPreview.setText(QCoreApplication.translate("SetupRegionPage", u"(belum ada)", None))
        self.chooseLogoButton.setText(QCoreApplication.translate("SetupRegionPage", u"Pilih lo&go\u2026", None))
        self.clearLogoButton.setText(QCoreApplication.translate("SetupRegionPage", u"Hapus logo", None))
    # retranslateUi

