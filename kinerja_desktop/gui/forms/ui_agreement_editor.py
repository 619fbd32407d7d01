# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from kinerja_desktop.gui.date_edit import DateEdit

class Ui_AgreementHeader(object):
    def setupUi(self, AgreementHeader):
        if not AgreementHeader.objectName():
            AgreementHeader.setObjectName(u"AgreementHeader")
        self.headerLayout = QGridLayout(AgreementHeader)
        self.headerLayout.setObjectName(u"headerLayout")
        self.signingGroup = QGroupBox(AgreementHeader)
        self.signingGroup.setObjectName(u"signingGroup")
        self.signingLayout = QFormLayout(self.signingGroup)
        self.signingLayout.setObjectName(u"signingLayout")
        self.placeLabel = QLabel(self.signingGroup)
        self.placeLabel.setObjectName(u"placeLabel")

        self.signingLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(self.signingGroup)
        self.placeEdit.setObjectName(u"placeEdit")

        self.signingLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.signDateLabel = QLabel(self.signingGroup)
        self.signDateLabel.setObjectName(u"signDateLabel")

        self.signingLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.signDateLabel)

        self.signDateEdit = DateEdit(self.signingGroup)
        self.signDateEdit.setObjectName(u"signDateEdit")
        self.signDateEdit.setCalendarPopup(True)

        self.signingLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.signDateEdit)


        self.headerLayout.addWidget(self.signingGroup, 0, 0, 1, 1)

        self.firstGroup = QGroupBox(AgreementHeader)
        self.firstGroup.setObjectName(u"firstGroup")
        self.firstLayout = QFormLayout(self.firstGroup)
        self.firstLayout.setObjectName(u"firstLayout")
        self.firstNameLabel = QLabel(self.firstGroup)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.firstLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(self.firstGroup)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.firstLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.firstPositionLabel = QLabel(self.firstGroup)
        self.firstPositionLabel.setObjectName(u"firstPositionLabel")

        self.firstLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstPositionLabel)

        self.firstPositionEdit = QLineEdit(self.firstGroup)
        self.firstPositionEdit.setObjectName(u"firstPositionEdit")

        self.firstLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstPositionEdit)

        self.firstActingLabel = QLabel(self.firstGroup)
        self.firstActingLabel.setObjectName(u"firstActingLabel")

        self.firstLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.firstActingLabel)

        self.firstActingCombo = QComboBox(self.firstGroup)
        self.firstActingCombo.setObjectName(u"firstActingCombo")

        self.firstLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.firstActingCombo)

        self.firstNipLabel = QLabel(self.firstGroup)
        self.firstNipLabel.setObjectName(u"firstNipLabel")

        self.firstLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.firstNipLabel)

        self.firstNipEdit = QLineEdit(self.firstGroup)
        self.firstNipEdit.setObjectName(u"firstNipEdit")

        self.firstLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.firstNipEdit)

        self.firstRankLabel = QLabel(self.firstGroup)
        self.firstRankLabel.setObjectName(u"firstRankLabel")

        self.firstLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.firstRankLabel)

        self.firstRankEdit = QLineEdit(self.firstGroup)
        self.firstRankEdit.setObjectName(u"firstRankEdit")

        self.firstLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.firstRankEdit)

        self.firstFromHeadButton = QPushButton(self.firstGroup)
        self.firstFromHeadButton.setObjectName(u"firstFromHeadButton")

        self.firstLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.firstFromHeadButton)


        self.headerLayout.addWidget(self.firstGroup, 1, 0, 1, 1)

        self.secondGroup = QGroupBox(AgreementHeader)
        self.secondGroup.setObjectName(u"secondGroup")
        self.secondLayout = QFormLayout(self.secondGroup)
        self.secondLayout.setObjectName(u"secondLayout")
        self.secondChoiceLabel = QLabel(self.secondGroup)
        self.secondChoiceLabel.setObjectName(u"secondChoiceLabel")

        self.secondLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.secondChoiceLabel)

        self.secondCombo = QComboBox(self.secondGroup)
        self.secondCombo.setObjectName(u"secondCombo")

        self.secondLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.secondCombo)

        self.secondNameLabel = QLabel(self.secondGroup)
        self.secondNameLabel.setObjectName(u"secondNameLabel")

        self.secondLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.secondNameLabel)

        self.secondNameEdit = QLineEdit(self.secondGroup)
        self.secondNameEdit.setObjectName(u"secondNameEdit")

        self.secondLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.secondNameEdit)

        self.secondPositionLabel = QLabel(self.secondGroup)
        self.secondPositionLabel.setObjectName(u"secondPositionLabel")

        self.secondLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.secondPositionLabel)

        self.secondPositionEdit = QLineEdit(self.secondGroup)
        self.secondPositionEdit.setObjectName(u"secondPositionEdit")

        self.secondLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.secondPositionEdit)

        self.secondActingLabel = QLabel(self.secondGroup)
        self.secondActingLabel.setObjectName(u"secondActingLabel")

        self.secondLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.secondActingLabel)

        self.secondActingCombo = QComboBox(self.secondGroup)
        self.secondActingCombo.setObjectName(u"secondActingCombo")

        self.secondLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.secondActingCombo)


        self.headerLayout.addWidget(self.secondGroup, 2, 0, 1, 1)

        self.amendmentGroup = QGroupBox(AgreementHeader)
        self.amendmentGroup.setObjectName(u"amendmentGroup")
        self.amendmentLayout = QFormLayout(self.amendmentGroup)
        self.amendmentLayout.setObjectName(u"amendmentLayout")
        self.replacesCaption = QLabel(self.amendmentGroup)
        self.replacesCaption.setObjectName(u"replacesCaption")

        self.amendmentLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.replacesCaption)

        self.replacesLabel = QLabel(self.amendmentGroup)
        self.replacesLabel.setObjectName(u"replacesLabel")
        self.replacesLabel.setWordWrap(True)

        self.amendmentLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.replacesLabel)

        self.reasonLabel = QLabel(self.amendmentGroup)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.amendmentLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(self.amendmentGroup)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.amendmentLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.headerLayout.addWidget(self.amendmentGroup, 0, 1, 1, 1)

        self.notesGroup = QGroupBox(AgreementHeader)
        self.notesGroup.setObjectName(u"notesGroup")
        self.notesLayout = QVBoxLayout(self.notesGroup)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.notesLayout.addWidget(self.notesEdit)


        self.headerLayout.addWidget(self.notesGroup, 1, 1, 1, 1)

        self.pactGroup = QGroupBox(AgreementHeader)
        self.pactGroup.setObjectName(u"pactGroup")
        self.pactLayout = QVBoxLayout(self.pactGroup)
        self.pactLayout.setObjectName(u"pactLayout")
        self.pactLabel = QLabel(self.pactGroup)
        self.pactLabel.setObjectName(u"pactLabel")
        self.pactLabel.setWordWrap(True)

        self.pactLayout.addWidget(self.pactLabel)

        self.pactButtons = QHBoxLayout()
        self.pactButtons.setObjectName(u"pactButtons")
        self.recordPactButton = QPushButton(self.pactGroup)
        self.recordPactButton.setObjectName(u"recordPactButton")

        self.pactButtons.addWidget(self.recordPactButton)

        self.previewPactButton = QPushButton(self.pactGroup)
        self.previewPactButton.setObjectName(u"previewPactButton")

        self.pactButtons.addWidget(self.previewPactButton)

        self.printPactButton = QPushButton(self.pactGroup)
        self.printPactButton.setObjectName(u"printPactButton")

        self.pactButtons.addWidget(self.printPactButton)

        self.printerPactButton = QPushButton(self.pactGroup)
        self.printerPactButton.setObjectName(u"printerPactButton")

        self.pactButtons.addWidget(self.printerPactButton)

        self.pactSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pactButtons.addItem(self.pactSpacer)


        self.pactLayout.addLayout(self.pactButtons)

        self.pactVerticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pactLayout.addItem(self.pactVerticalSpacer)


        self.headerLayout.addWidget(self.pactGroup, 2, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.placeLabel.setBuddy(self.placeEdit)
        self.signDateLabel.setBuddy(self.signDateEdit)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.firstPositionLabel.setBuddy(self.firstPositionEdit)
        self.firstActingLabel.setBuddy(self.firstActingCombo)
        self.firstNipLabel.setBuddy(self.firstNipEdit)
        self.firstRankLabel.setBuddy(self.firstRankEdit)
        self.secondChoiceLabel.setBuddy(self.secondCombo)
        self.secondNameLabel.setBuddy(self.secondNameEdit)
        self.secondPositionLabel.setBuddy(self.secondPositionEdit)
        self.secondActingLabel.setBuddy(self.secondActingCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.placeEdit, self.signDateEdit)
        QWidget.setTabOrder(self.signDateEdit, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.firstPositionEdit)
        QWidget.setTabOrder(self.firstPositionEdit, self.firstActingCombo)
        QWidget.setTabOrder(self.firstActingCombo, self.firstNipEdit)
        QWidget.setTabOrder(self.firstNipEdit, self.firstRankEdit)
        QWidget.setTabOrder(self.firstRankEdit, self.firstFromHeadButton)
        QWidget.setTabOrder(self.firstFromHeadButton, self.secondCombo)
        QWidget.setTabOrder(self.secondCombo, self.secondNameEdit)
        QWidget.setTabOrder(self.secondNameEdit, self.secondPositionEdit)
        QWidget.setTabOrder(self.secondPositionEdit, self.secondActingCombo)
        QWidget.setTabOrder(self.secondActingCombo, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.notesEdit)

        self.retranslateUi(AgreementHeader)

        QMetaObject.connectSlotsByName(AgreementHeader)
    # setupUi

    def retranslateUi(self, AgreementHeader):
        AgreementHeader.setWindowTitle(QCoreApplication.translate("AgreementHeader", u"Perjanjian Kinerja", None))
        self.signingGroup.setTitle(QCoreApplication.translate("AgreementHeader", u"Penandatanganan", None))
        self.placeLabel.setText(QCoreApplication.translate("AgreementHeader", u"&Tempat:", None))
        self.signDateLabel.setText(QCoreApplication.translate("AgreementHeader", u"Tanggal &rencana:", None))
        self.signDateEdit.setDisplayFormat(QCoreApplication.translate("AgreementHeader", u"d MMMM yyyy", None))
#if QT_CONFIG(tooltip)
        self.signDateEdit.setToolTip(QCoreApplication.translate("AgreementHeader", u"Tanggal penandatanganan yang direncanakan; tanggal sebenarnya dicatat saat PK ditandatangani", None))
#endif // QT_CONFIG(tooltip)
        self.firstGroup.setTitle(QCoreApplication.translate("AgreementHeader", u"Pihak Pertama \u2014 kepala perangkat daerah", None))
        self.firstNameLabel.setText(QCoreApplication.translate("AgreementHeader", u"&Nama:", None))
        self.firstPositionLabel.setText(QCoreApplication.translate("AgreementHeader", u"&Jabatan:", None))
        self.firstActingLabel.setText(QCoreApplication.translate("AgreementHeader", u"Sebagai:", None))
        self.firstNipLabel.setText(QCoreApplication.translate("AgreementHeader", u"NIP:", None))
        self.firstRankLabel.setText(QCoreApplication.translate("AgreementHeader", u"Pangkat/golongan:", None))
        self.firstFromHeadButton.setText(QCoreApplication.translate("AgreementHeader", u"Isi dengan kepala OPD pada tanggal rencana", None))
        self.secondGroup.setTitle(QCoreApplication.translate("AgreementHeader", u"Pihak Kedua \u2014 Bupati/Wali Kota atau yang mewakili", None))
        self.secondChoiceLabel.setText(QCoreApplication.translate("AgreementHeader", u"&Pilih:", None))
        self.secondNameLabel.setText(QCoreApplication.translate("AgreementHeader", u"Nama:", None))
        self.secondPositionLabel.setText(QCoreApplication.translate("AgreementHeader", u"Jabatan:", None))
        self.secondActingLabel.setText(QCoreApplication.translate("AgreementHeader", u"Sebagai:", None))
        self.amendmentGroup.setTitle(QCoreApplication.translate("AgreementHeader", u"PK Perubahan", None))
        self.replacesCaption.setText(QCoreApplication.translate("AgreementHeader", u"Mengganti:", None))
        self.reasonLabel.setText(QCoreApplication.translate("AgreementHeader", u"&Alasan:", None))
        self.notesGroup.setTitle(QCoreApplication.translate("AgreementHeader", u"Catatan (tidak dicetak)", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("AgreementHeader", u"Catatan internal, misalnya nomor surat atau hal yang perlu dibahas", None))
        self.pactGroup.setTitle(QCoreApplication.translate("AgreementHeader", u"Pakta Integritas", None))
        self.recordPactButton.setText(QCoreApplication.translate("AgreementHeader", u"Catat penandatanganan\u2026", None))
        self.previewPactButton.setText(QCoreApplication.translate("AgreementHeader", u"Pratinjau Pakta", None))
        self.printPactButton.setText(QCoreApplication.translate("AgreementHeader", u"Simpan PDF Pakta\u2026", None))
#if QT_CONFIG(tooltip)
        self.printerPactButton.setToolTip(QCoreApplication.translate("AgreementHeader", u"Cetak Pakta Integritas ke printer", None))
#endif // QT_CONFIG(tooltip)
        self.printerPactButton.setText(QCoreApplication.translate("AgreementHeader", u"Cetak Pakta\u2026", None))
    # retranslateUi

