# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_agency.ui'
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
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_SetupAgencyPage(object):
    def setupUi(self, SetupAgencyPage):
        if not SetupAgencyPage.objectName():
            SetupAgencyPage.setObjectName(u"SetupAgencyPage")
        self.mainLayout = QVBoxLayout(SetupAgencyPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(SetupAgencyPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.agencyLayout = QFormLayout()
        self.agencyLayout.setObjectName(u"agencyLayout")
        self.agencyNameLabel = QLabel(SetupAgencyPage)
        self.agencyNameLabel.setObjectName(u"agencyNameLabel")

        self.agencyLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyNameLabel)

        self.agencyNameCombo = QComboBox(SetupAgencyPage)
        self.agencyNameCombo.setObjectName(u"agencyNameCombo")
        self.agencyNameCombo.setEditable(True)

        self.agencyLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyNameCombo)

        self.agencyNameError = QLabel(SetupAgencyPage)
        self.agencyNameError.setObjectName(u"agencyNameError")
        self.agencyNameError.setStyleSheet(u"color: #b3261e;")
        self.agencyNameError.setWordWrap(True)

        self.agencyLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agencyNameError)

        self.agencyShortLabel = QLabel(SetupAgencyPage)
        self.agencyShortLabel.setObjectName(u"agencyShortLabel")

        self.agencyLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agencyShortLabel)

        self.agencyShortEdit = QLineEdit(SetupAgencyPage)
        self.agencyShortEdit.setObjectName(u"agencyShortEdit")
        self.agencyShortEdit.setMaxLength(60)

        self.agencyLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agencyShortEdit)

        self.agencyShortError = QLabel(SetupAgencyPage)
        self.agencyShortError.setObjectName(u"agencyShortError")
        self.agencyShortError.setStyleSheet(u"color: #b3261e;")
        self.agencyShortError.setWordWrap(True)

        self.agencyLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.agencyShortError)

        self.agencyAddressLabel = QLabel(SetupAgencyPage)
        self.agencyAddressLabel.setObjectName(u"agencyAddressLabel")

        self.agencyLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.agencyAddressLabel)

        self.agencyAddressEdit = QLineEdit(SetupAgencyPage)
        self.agencyAddressEdit.setObjectName(u"agencyAddressEdit")
        self.agencyAddressEdit.setMaxLength(250)

        self.agencyLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.agencyAddressEdit)

        self.agencyPhoneLabel = QLabel(SetupAgencyPage)
        self.agencyPhoneLabel.setObjectName(u"agencyPhoneLabel")

        self.agencyLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.agencyPhoneLabel)

        self.agencyPhoneEdit = QLineEdit(SetupAgencyPage)
        self.agencyPhoneEdit.setObjectName(u"agencyPhoneEdit")
        self.agencyPhoneEdit.setMaxLength(60)

        self.agencyLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.agencyPhoneEdit)

        self.agencyEmailLabel = QLabel(SetupAgencyPage)
        self.agencyEmailLabel.setObjectName(u"agencyEmailLabel")

        self.agencyLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.agencyEmailLabel)

        self.agencyEmailEdit = QLineEdit(SetupAgencyPage)
        self.agencyEmailEdit.setObjectName(u"agencyEmailEdit")
        self.agencyEmailEdit.setMaxLength(120)

        self.agencyLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.agencyEmailEdit)

        self.agencyEmailError = QLabel(SetupAgencyPage)
        self.agencyEmailError.setObjectName(u"agencyEmailError")
        self.agencyEmailError.setStyleSheet(u"color: #b3261e;")
        self.agencyEmailError.setWordWrap(True)

        self.agencyLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.agencyEmailError)

        self.agencyWebsiteLabel = QLabel(SetupAgencyPage)
        self.agencyWebsiteLabel.setObjectName(u"agencyWebsiteLabel")

        self.agencyLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.agencyWebsiteLabel)

        self.agencyWebsiteEdit = QLineEdit(SetupAgencyPage)
        self.agencyWebsiteEdit.setObjectName(u"agencyWebsiteEdit")
        self.agencyWebsiteEdit.setMaxLength(120)

        self.agencyLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.agencyWebsiteEdit)

        self.agencyHint = QLabel(SetupAgencyPage)
        self.agencyHint.setObjectName(u"agencyHint")
        self.agencyHint.setWordWrap(True)

        self.agencyLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.agencyHint)


        self.mainLayout.addLayout(self.agencyLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.agencyNameLabel.setBuddy(self.agencyNameCombo)
        self.agencyShortLabel.setBuddy(self.agencyShortEdit)
        self.agencyAddressLabel.setBuddy(self.agencyAddressEdit)
        self.agencyPhoneLabel.setBuddy(self.agencyPhoneEdit)
        self.agencyEmailLabel.setBuddy(self.agencyEmailEdit)
        self.agencyWebsiteLabel.setBuddy(self.agencyWebsiteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.agencyNameCombo, self.agencyShortEdit)
        QWidget.setTabOrder(self.agencyShortEdit, self.agencyAddressEdit)
        QWidget.setTabOrder(self.agencyAddressEdit, self.agencyPhoneEdit)
        QWidget.setTabOrder(self.agencyPhoneEdit, self.agencyEmailEdit)
        QWidget.setTabOrder(self.agencyEmailEdit, self.agencyWebsiteEdit)

        self.retranslateUi(SetupAgencyPage)

        QMetaObject.connectSlotsByName(SetupAgencyPage)
    # setupUi

    def retranslateUi(self, SetupAgencyPage):
        SetupAgencyPage.setTitle(QCoreApplication.translate("SetupAgencyPage", u"Badan perencanaan", None))
        SetupAgencyPage.setSubTitle(QCoreApplication.translate("SetupAgencyPage", u"Nama dan kop badan perencanaan (Bappeda, Bapperida, \u2026) yang menerbitkan laporan tingkat daerah seperti peringkat kinerja perangkat daerah.", None))
        self.agencyNameLabel.setText(QCoreApplication.translate("SetupAgencyPage", u"&Nama badan:", None))
        self.agencyShortLabel.setText(QCoreApplication.translate("SetupAgencyPage", u"&Singkatan:", None))
        self.agencyAddressLabel.setText(QCoreApplication.translate("SetupAgencyPage", u"&Alamat:", None))
        self.agencyPhoneLabel.setText(QCoreApplication.translate("SetupAgencyPage", u"&Telepon:", None))
        self.agencyEmailLabel.setText(QCoreApplication.translate("SetupAgencyPage", u"Pos-&el:", None))
        self.agencyWebsiteLabel.setText(QCoreApplication.translate("SetupAgencyPage", u"La&man:", None))
        self.agencyHint.setText(QCoreApplication.translate("SetupAgencyPage", u"Bila perangkat daerah dengan singkatan yang sama diketik pada langkah Perangkat daerah, kepalanya menandatangani laporan tingkat daerah.", None))
    # retranslateUi

