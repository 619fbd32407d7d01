# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'opd_form.ui'
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
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

from kinerja_desktop.gui.date_edit import DateEdit

class Ui_OpdForm(object):
    def setupUi(self, OpdForm):
        if not OpdForm.objectName():
            OpdForm.setObjectName(u"OpdForm")
        OpdForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(OpdForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(OpdForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.opdGroup = QGroupBox(OpdForm)
        self.opdGroup.setObjectName(u"opdGroup")
        self.opdLayout = QFormLayout(self.opdGroup)
        self.opdLayout.setObjectName(u"opdLayout")
        self.codeLabel = QLabel(self.opdGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.opdLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.opdGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.opdLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(self.opdGroup)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setStyleSheet(u"color: #b3261e;")
        self.codeError.setWordWrap(True)

        self.opdLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.abbreviationLabel = QLabel(self.opdGroup)
        self.abbreviationLabel.setObjectName(u"abbreviationLabel")

        self.opdLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.abbreviationLabel)

        self.abbreviationEdit = QLineEdit(self.opdGroup)
        self.abbreviationEdit.setObjectName(u"abbreviationEdit")
        self.abbreviationEdit.setMaxLength(30)

        self.opdLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.abbreviationEdit)

        self.abbreviationError = QLabel(self.opdGroup)
        self.abbreviationError.setObjectName(u"abbreviationError")
        self.abbreviationError.setStyleSheet(u"color: #b3261e;")
        self.abbreviationError.setWordWrap(True)

        self.opdLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.abbreviationError)

        self.nameLabel = QLabel(self.opdGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.opdLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.opdGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.opdLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.opdGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b3261e;")
        self.nameError.setWordWrap(True)

        self.opdLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.kindLabel = QLabel(self.opdGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.opdLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.opdGroup)
        self.kindCombo.setObjectName(u"kindCombo")

        self.opdLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.kindError = QLabel(self.opdGroup)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setStyleSheet(u"color: #b3261e;")
        self.kindError.setWordWrap(True)

        self.opdLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.kindError)

        self.addressLabel = QLabel(self.opdGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.opdLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.opdGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(250)

        self.opdLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.opdGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.opdLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.opdGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(60)

        self.opdLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(self.opdGroup)
        self.emailLabel.setObjectName(u"emailLabel")

        self.opdLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.opdGroup)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(120)

        self.opdLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.emailError = QLabel(self.opdGroup)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setStyleSheet(u"color: #b3261e;")
        self.emailError.setWordWrap(True)

        self.opdLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.emailError)

        self.websiteLabel = QLabel(self.opdGroup)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.opdLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.websiteEdit = QLineEdit(self.opdGroup)
        self.websiteEdit.setObjectName(u"websiteEdit")
        self.websiteEdit.setMaxLength(120)

        self.opdLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.websiteEdit)


        self.columnsLayout.addWidget(self.opdGroup)

        self.headGroup = QGroupBox(OpdForm)
        self.headGroup.setObjectName(u"headGroup")
        self.headLayout = QFormLayout(self.headGroup)
        self.headLayout.setObjectName(u"headLayout")
        self.headNameLabel = QLabel(self.headGroup)
        self.headNameLabel.setObjectName(u"headNameLabel")

        self.headLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.headNameLabel)

        self.headNameEdit = QLineEdit(self.headGroup)
        self.headNameEdit.setObjectName(u"headNameEdit")
        self.headNameEdit.setMaxLength(160)

        self.headLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.headNameEdit)

        self.headNameError = QLabel(self.headGroup)
        self.headNameError.setObjectName(u"headNameError")
        self.headNameError.setStyleSheet(u"color: #b3261e;")
        self.headNameError.setWordWrap(True)

        self.headLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.headNameError)

        self.headNipLabel = QLabel(self.headGroup)
        self.headNipLabel.setObjectName(u"headNipLabel")

        self.headLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.headNipLabel)

        self.headNipEdit = QLineEdit(self.headGroup)
        self.headNipEdit.setObjectName(u"headNipEdit")
        self.headNipEdit.setMaxLength(24)

        self.headLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.headNipEdit)

        self.headNipError = QLabel(self.headGroup)
        self.headNipError.setObjectName(u"headNipError")
        self.headNipError.setStyleSheet(u"color: #b3261e;")
        self.headNipError.setWordWrap(True)

        self.headLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.headNipError)

        self.headRankLabel = QLabel(self.headGroup)
        self.headRankLabel.setObjectName(u"headRankLabel")

        self.headLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.headRankLabel)

        self.headRankCombo = QComboBox(self.headGroup)
        self.headRankCombo.setObjectName(u"headRankCombo")

        self.headLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.headRankCombo)

        self.headPositionLabel = QLabel(self.headGroup)
        self.headPositionLabel.setObjectName(u"headPositionLabel")

        self.headLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.headPositionLabel)

        self.headPositionEdit = QLineEdit(self.headGroup)
        self.headPositionEdit.setObjectName(u"headPositionEdit")
        self.headPositionEdit.setMaxLength(200)

        self.headLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.headPositionEdit)

        self.headPositionError = QLabel(self.headGroup)
        self.headPositionError.setObjectName(u"headPositionError")
        self.headPositionError.setStyleSheet(u"color: #b3261e;")
        self.headPositionError.setWordWrap(True)

        self.headLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.headPositionError)

        self.headActingLabel = QLabel(self.headGroup)
        self.headActingLabel.setObjectName(u"headActingLabel")

        self.headLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.headActingLabel)

        self.headActingCombo = QComboBox(self.headGroup)
        self.headActingCombo.setObjectName(u"headActingCombo")

        self.headLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.headActingCombo)

        self.headStartLabel = QLabel(self.headGroup)
        self.headStartLabel.setObjectName(u"headStartLabel")

        self.headLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.headStartLabel)

        self.headStartEdit = DateEdit(self.headGroup)
        self.headStartEdit.setObjectName(u"headStartEdit")
        self.headStartEdit.setCalendarPopup(True)
        self.headStartEdit.setDisplayFormat(u"d MMMM yyyy")

        self.headLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.headStartEdit)

        self.headStartError = QLabel(self.headGroup)
        self.headStartError.setObjectName(u"headStartError")
        self.headStartError.setStyleSheet(u"color: #b3261e;")
        self.headStartError.setWordWrap(True)

        self.headLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.headStartError)


        self.columnsLayout.addWidget(self.headGroup)


        self.mainLayout.addLayout(self.columnsLayout)

        self.historyGroup = QGroupBox(OpdForm)
        self.historyGroup.setObjectName(u"historyGroup")
        self.historyLayout = QVBoxLayout(self.historyGroup)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyHint = QLabel(self.historyGroup)
        self.historyHint.setObjectName(u"historyHint")
        self.historyHint.setWordWrap(True)

        self.historyLayout.addWidget(self.historyHint)

        self.headHistoryView = QTableView(self.historyGroup)
        self.headHistoryView.setObjectName(u"headHistoryView")
        self.headHistoryView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.headHistoryView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.headHistoryView.setAlternatingRowColors(True)

        self.historyLayout.addWidget(self.headHistoryView)


        self.mainLayout.addWidget(self.historyGroup)

        self.buttonBox = QDialogButtonBox(OpdForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.abbreviationLabel.setBuddy(self.abbreviationEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.websiteLabel.setBuddy(self.websiteEdit)
        self.headNameLabel.setBuddy(self.headNameEdit)
        self.headNipLabel.setBuddy(self.headNipEdit)
        self.headRankLabel.setBuddy(self.headRankCombo)
        self.headPositionLabel.setBuddy(self.headPositionEdit)
        self.headActingLabel.setBuddy(self.headActingCombo)
        self.headStartLabel.setBuddy(self.headStartEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.abbreviationEdit)
        QWidget.setTabOrder(self.abbreviationEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.websiteEdit)
        QWidget.setTabOrder(self.websiteEdit, self.headNameEdit)
        QWidget.setTabOrder(self.headNameEdit, self.headNipEdit)
        QWidget.setTabOrder(self.headNipEdit, self.headRankCombo)
        QWidget.setTabOrder(self.headRankCombo, self.headPositionEdit)
        QWidget.setTabOrder(self.headPositionEdit, self.headActingCombo)
        QWidget.setTabOrder(self.headActingCombo, self.headStartEdit)
        QWidget.setTabOrder(self.headStartEdit, self.headHistoryView)

        self.retranslateUi(OpdForm)
        self.buttonBox.accepted.connect(OpdForm.accept)
        self.buttonBox.rejected.connect(OpdForm.reject)

        QMetaObject.connectSlotsByName(OpdForm)
    # setupUi

    def retranslateUi(self, OpdForm):
        OpdForm.setWindowTitle(QCoreApplication.translate("OpdForm", u"Perangkat Daerah", None))
        self.opdGroup.setTitle(QCoreApplication.translate("OpdForm", u"Perangkat daerah", None))
        self.codeLabel.setText(QCoreApplication.translate("OpdForm", u"&Kode (SIPD):", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"1.02.0.00.0.00.01.0000", None))
        self.abbreviationLabel.setText(QCoreApplication.translate("OpdForm", u"&Singkatan:", None))
        self.abbreviationEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"Dinkes", None))
        self.nameLabel.setText(QCoreApplication.translate("OpdForm", u"&Nama:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"Dinas Kesehatan", None))
        self.kindLabel.setText(QCoreApplication.translate("OpdForm", u"&Jenis:", None))
        self.addressLabel.setText(QCoreApplication.translate("OpdForm", u"&Alamat:", None))
        self.phoneLabel.setText(QCoreApplication.translate("OpdForm", u"&Telepon:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"(0294) 381234", None))
        self.emailLabel.setText(QCoreApplication.translate("OpdForm", u"&E-mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"dinkes@namakab.go.id", None))
        self.websiteLabel.setText(QCoreApplication.translate("OpdForm", u"&Website:", None))
        self.websiteEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"dinkes.namakab.go.id", None))
        self.headGroup.setTitle(QCoreApplication.translate("OpdForm", u"Kepala perangkat daerah", None))
        self.headNameLabel.setText(QCoreApplication.translate("OpdForm", u"Na&ma (dengan gelar):", None))
        self.headNameEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"dr. Nama Lengkap, M.Kes.", None))
        self.headNipLabel.setText(QCoreApplication.translate("OpdForm", u"NI&P:", None))
        self.headNipEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"19700312 199503 1 002", None))
        self.headRankLabel.setText(QCoreApplication.translate("OpdForm", u"Pan&gkat/golongan:", None))
        self.headPositionLabel.setText(QCoreApplication.translate("OpdForm", u"Ja&batan:", None))
        self.headPositionEdit.setPlaceholderText(QCoreApplication.translate("OpdForm", u"Kepala Dinas Kesehatan", None))
        self.headActingLabel.setText(QCoreApplication.translate("OpdForm", u"Stat&us:", None))
        self.headStartLabel.setText(QCoreApplication.translate("OpdForm", u"Mu&lai menjabat:", None))
        self.historyGroup.setTitle(QCoreApplication.translate("OpdForm", u"Riwayat kepala", None))
        self.historyHint.setText(QCoreApplication.translate("OpdForm", u"Mengganti orang (nama dan NIP lain) menutup masa jabatan kepala sekarang sehari sebelum kepala baru mulai menjabat. Perubahan pangkat atau jabatan orang yang sama memperbarui catatan yang berlaku.", None))
    # retranslateUi

