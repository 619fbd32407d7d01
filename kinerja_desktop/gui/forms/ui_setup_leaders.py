# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_leaders.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_SetupLeadersPage(object):
    def setupUi(self, SetupLeadersPage):
        if not SetupLeadersPage.objectName():
            SetupLeadersPage.setObjectName(u"SetupLeadersPage")
        self.mainLayout = QVBoxLayout(SetupLeadersPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(SetupLeadersPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b3261e;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.leadersGrid = QGridLayout()
        self.leadersGrid.setObjectName(u"leadersGrid")
        self.header0 = QLabel(SetupLeadersPage)
        self.header0.setObjectName(u"header0")

        self.leadersGrid.addWidget(self.header0, 0, 1, 1, 1)

        self.header1 = QLabel(SetupLeadersPage)
        self.header1.setObjectName(u"header1")

        self.leadersGrid.addWidget(self.header1, 0, 2, 1, 1)

        self.header2 = QLabel(SetupLeadersPage)
        self.header2.setObjectName(u"header2")

        self.leadersGrid.addWidget(self.header2, 0, 3, 1, 1)

        self.header3 = QLabel(SetupLeadersPage)
        self.header3.setObjectName(u"header3")

        self.leadersGrid.addWidget(self.header3, 0, 4, 1, 1)

        self.header4 = QLabel(SetupLeadersPage)
        self.header4.setObjectName(u"header4")

        self.leadersGrid.addWidget(self.header4, 0, 5, 1, 1)

        self.header5 = QLabel(SetupLeadersPage)
        self.header5.setObjectName(u"header5")

        self.leadersGrid.addWidget(self.header5, 0, 6, 1, 1)

        self.headLabel = QLabel(SetupLeadersPage)
        self.headLabel.setObjectName(u"headLabel")

        self.leadersGrid.addWidget(self.headLabel, 1, 0, 1, 1)

        self.headNameEdit = QLineEdit(SetupLeadersPage)
        self.headNameEdit.setObjectName(u"headNameEdit")
        self.headNameEdit.setMaxLength(160)

        self.leadersGrid.addWidget(self.headNameEdit, 1, 1, 1, 1)

        self.headActingCombo = QComboBox(SetupLeadersPage)
        self.headActingCombo.setObjectName(u"headActingCombo")

        self.leadersGrid.addWidget(self.headActingCombo, 1, 2, 1, 1)

        self.headNipEdit = QLineEdit(SetupLeadersPage)
        self.headNipEdit.setObjectName(u"headNipEdit")
        self.headNipEdit.setMaxLength(24)

        self.leadersGrid.addWidget(self.headNipEdit, 1, 3, 1, 1)

        self.headRankCombo = QComboBox(SetupLeadersPage)
        self.headRankCombo.setObjectName(u"headRankCombo")
        self.headRankCombo.setEditable(True)

        self.leadersGrid.addWidget(self.headRankCombo, 1, 4, 1, 1)

        self.headStartEdit = QLineEdit(SetupLeadersPage)
        self.headStartEdit.setObjectName(u"headStartEdit")

        self.leadersGrid.addWidget(self.headStartEdit, 1, 5, 1, 1)

        self.headEndEdit = QLineEdit(SetupLeadersPage)
        self.headEndEdit.setObjectName(u"headEndEdit")

        self.leadersGrid.addWidget(self.headEndEdit, 1, 6, 1, 1)

        self.headError = QLabel(SetupLeadersPage)
        self.headError.setObjectName(u"headError")
        self.headError.setStyleSheet(u"color: #b3261e;")
        self.headError.setWordWrap(True)

        self.leadersGrid.addWidget(self.headError, 2, 1, 1, 6)

        self.deputyLabel = QLabel(SetupLeadersPage)
        self.deputyLabel.setObjectName(u"deputyLabel")

        self.leadersGrid.addWidget(self.deputyLabel, 3, 0, 1, 1)

        self.deputyNameEdit = QLineEdit(SetupLeadersPage)
        self.deputyNameEdit.setObjectName(u"deputyNameEdit")
        self.deputyNameEdit.setMaxLength(160)

        self.leadersGrid.addWidget(self.deputyNameEdit, 3, 1, 1, 1)

        self.deputyActingCombo = QComboBox(SetupLeadersPage)
        self.deputyActingCombo.setObjectName(u"deputyActingCombo")

        self.leadersGrid.addWidget(self.deputyActingCombo, 3, 2, 1, 1)

        self.deputyNipEdit = QLineEdit(SetupLeadersPage)
        self.deputyNipEdit.setObjectName(u"deputyNipEdit")
        self.deputyNipEdit.setMaxLength(24)

        self.leadersGrid.addWidget(self.deputyNipEdit, 3, 3, 1, 1)

        self.deputyRankCombo = QComboBox(SetupLeadersPage)
        self.deputyRankCombo.setObjectName(u"deputyRankCombo")
        self.deputyRankCombo.setEditable(True)

        self.leadersGrid.addWidget(self.deputyRankCombo, 3, 4, 1, 1)

        self.deputyStartEdit = QLineEdit(SetupLeadersPage)
        self.deputyStartEdit.setObjectName(u"deputyStartEdit")

        self.leadersGrid.addWidget(self.deputyStartEdit, 3, 5, 1, 1)

        self.deputyEndEdit = QLineEdit(SetupLeadersPage)
        self.deputyEndEdit.setObjectName(u"deputyEndEdit")

        self.leadersGrid.addWidget(self.deputyEndEdit, 3, 6, 1, 1)

        self.deputyError = QLabel(SetupLeadersPage)
        self.deputyError.setObjectName(u"deputyError")
        self.deputyError.setStyleSheet(u"color: #b3261e;")
        self.deputyError.setWordWrap(True)

        self.leadersGrid.addWidget(self.deputyError, 4, 1, 1, 6)

        self.secretaryLabel = QLabel(SetupLeadersPage)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.leadersGrid.addWidget(self.secretaryLabel, 5, 0, 1, 1)

        self.secretaryNameEdit = QLineEdit(SetupLeadersPage)
        self.secretaryNameEdit.setObjectName(u"secretaryNameEdit")
        self.secretaryNameEdit.setMaxLength(160)

        self.leadersGrid.addWidget(self.secretaryNameEdit, 5, 1, 1, 1)

        self.secretaryActingCombo = QComboBox(SetupLeadersPage)
        self.secretaryActingCombo.setObjectName(u"secretaryActingCombo")

        self.leadersGrid.addWidget(self.secretaryActingCombo, 5, 2, 1, 1)

        self.secretaryNipEdit = QLineEdit(SetupLeadersPage)
        self.secretaryNipEdit.setObjectName(u"secretaryNipEdit")
        self.secretaryNipEdit.setMaxLength(24)

        self.leadersGrid.addWidget(self.secretaryNipEdit, 5, 3, 1, 1)

        self.secretaryRankCombo = QComboBox(SetupLeadersPage)
        self.secretaryRankCombo.setObjectName(u"secretaryRankCombo")
        self.secretaryRankCombo.setEditable(True)

        self.leadersGrid.addWidget(self.secretaryRankCombo, 5, 4, 1, 1)

        self.secretaryStartEdit = QLineEdit(SetupLeadersPage)
        self.secretaryStartEdit.setObjectName(u"secretaryStartEdit")

        self.leadersGrid.addWidget(self.secretaryStartEdit, 5, 5, 1, 1)

        self.secretaryEndEdit = QLineEdit(SetupLeadersPage)
        self.secretaryEndEdit.setObjectName(u"secretaryEndEdit")

        self.leadersGrid.addWidget(self.secretaryEndEdit, 5, 6, 1, 1)

        self.secretaryError = QLabel(SetupLeadersPage)
        self.secretaryError.setObjectName(u"secretaryError")
        self.secretaryError.setStyleSheet(u"color: #b3261e;")
        self.secretaryError.setWordWrap(True)

        self.leadersGrid.addWidget(self.secretaryError, 6, 1, 1, 6)


        self.mainLayout.addLayout(self.leadersGrid)

        self.leadersHint = QLabel(SetupLeadersPage)
        self.leadersHint.setObjectName(u"leadersHint")
        self.leadersHint.setWordWrap(True)

        self.mainLayout.addWidget(self.leadersHint)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.headLabel.setBuddy(self.headNameEdit)
        self.deputyLabel.setBuddy(self.deputyNameEdit)
        self.secretaryLabel.setBuddy(self.secretaryNameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.headNameEdit, self.headActingCombo)
        QWidget.setTabOrder(self.headActingCombo, self.headNipEdit)
        QWidget.setTabOrder(self.headNipEdit, self.headRankCombo)
        QWidget.setTabOrder(self.headRankCombo, self.headStartEdit)
        QWidget.setTabOrder(self.headStartEdit, self.headEndEdit)
        QWidget.setTabOrder(self.headEndEdit, self.deputyNameEdit)
        QWidget.setTabOrder(self.deputyNameEdit, self.deputyActingCombo)
        QWidget.setTabOrder(self.deputyActingCombo, self.deputyNipEdit)
        QWidget.setTabOrder(self.deputyNipEdit, self.deputyRankCombo)
        QWidget.setTabOrder(self.deputyRankCombo, self.deputyStartEdit)
        QWidget.setTabOrder(self.deputyStartEdit, self.deputyEndEdit)
        QWidget.setTabOrder(self.deputyEndEdit, self.secretaryNameEdit)
        QWidget.setTabOrder(self.secretaryNameEdit, self.secretaryActingCombo)
        QWidget.setTabOrder(self.secretaryActingCombo, self.secretaryNipEdit)
        QWidget.setTabOrder(self.secretaryNipEdit, self.secretaryRankCombo)
        QWidget.setTabOrder(self.secretaryRankCombo, self.secretaryStartEdit)
        QWidget.setTabOrder(self.secretaryStartEdit, self.secretaryEndEdit)

        self.retranslateUi(SetupLeadersPage)

        QMetaObject.connectSlotsByName(SetupLeadersPage)
    # setupUi

    def retranslateUi(self, SetupLeadersPage):
        SetupLeadersPage.setTitle(QCoreApplication.translate("SetupLeadersPage", u"Pimpinan daerah", None))
        SetupLeadersPage.setSubTitle(QCoreApplication.translate("SetupLeadersPage", u"Kepala daerah menandatangani Perjanjian Kinerja sebagai pihak kedua; masa jabatan menentukan siapa yang menandatangani pada suatu tanggal.", None))
        self.header0.setText(QCoreApplication.translate("SetupLeadersPage", u"Nama (dengan gelar)", None))
        self.header1.setText(QCoreApplication.translate("SetupLeadersPage", u"Status", None))
        self.header2.setText(QCoreApplication.translate("SetupLeadersPage", u"NIP", None))
        self.header3.setText(QCoreApplication.translate("SetupLeadersPage", u"Pangkat/golongan", None))
        self.header4.setText(QCoreApplication.translate("SetupLeadersPage", u"Mulai menjabat", None))
        self.header5.setText(QCoreApplication.translate("SetupLeadersPage", u"Akhir masa jabatan", None))
        self.headLabel.setText(QCoreApplication.translate("SetupLeadersPage", u"&Kepala daerah:", None))
        self.headStartEdit.setPlaceholderText(QCoreApplication.translate("SetupLeadersPage", u"hh/bb/tttt", None))
        self.headEndEdit.setPlaceholderText(QCoreApplication.translate("SetupLeadersPage", u"hh/bb/tttt", None))
        self.deputyLabel.setText(QCoreApplication.translate("SetupLeadersPage", u"&Wakil:", None))
        self.deputyStartEdit.setPlaceholderText(QCoreApplication.translate("SetupLeadersPage", u"hh/bb/tttt", None))
        self.deputyEndEdit.setPlaceholderText(QCoreApplication.translate("SetupLeadersPage", u"hh/bb/tttt", None))
        self.secretaryLabel.setText(QCoreApplication.translate("SetupLeadersPage", u"&Sekretaris Daerah:", None))
        self.secretaryStartEdit.setPlaceholderText(QCoreApplication.translate("SetupLeadersPage", u"hh/bb/tttt", None))
        self.secretaryEndEdit.setPlaceholderText(QCoreApplication.translate("SetupLeadersPage", u"hh/bb/tttt", None))
        self.leadersHint.setText(QCoreApplication.translate("SetupLeadersPage", u"Bupati/Wali Kota dan Wakil definitif dipilih dalam pilkada dan tidak memiliki NIP. Penjabat (Pj.) kepala daerah dan Sekretaris Daerah adalah ASN: isikan NIP dan pangkatnya. Di bawah Pj. kepala daerah tidak ada Wakil. Tanggal diketik mis. 20/02/2025 atau 20 Februari 2025; akhir masa jabatan boleh dikosongkan. Pimpinan berikutnya dapat dicatat kemudian di Profil.", None))
    # retranslateUi

