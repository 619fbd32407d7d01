# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'program_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ProgramForm(object):
    def setupUi(self, ProgramForm):
        if not ProgramForm.objectName():
            ProgramForm.setObjectName(u"ProgramForm")
        ProgramForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(ProgramForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(ProgramForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.programLayout = QFormLayout()
        self.programLayout.setObjectName(u"programLayout")
        self.opdLabel = QLabel(ProgramForm)
        self.opdLabel.setObjectName(u"opdLabel")

        self.programLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.opdLabel)

        self.opdValue = QLabel(ProgramForm)
        self.opdValue.setObjectName(u"opdValue")
        self.opdValue.setWordWrap(True)

        self.programLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.opdValue)

        self.levelLabel = QLabel(ProgramForm)
        self.levelLabel.setObjectName(u"levelLabel")

        self.programLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelValue = QLabel(ProgramForm)
        self.levelValue.setObjectName(u"levelValue")

        self.programLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.levelValue)

        self.parentLabel = QLabel(ProgramForm)
        self.parentLabel.setObjectName(u"parentLabel")

        self.programLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentValue = QLabel(ProgramForm)
        self.parentValue.setObjectName(u"parentValue")
        self.parentValue.setWordWrap(True)

        self.programLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parentValue)

        self.parentError = QLabel(ProgramForm)
        self.parentError.setObjectName(u"parentError")
        self.parentError.setStyleSheet(u"color: #b3261e;")
        self.parentError.setWordWrap(True)

        self.programLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parentError)

        self.codeLabel = QLabel(ProgramForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.programLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(ProgramForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.programLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(ProgramForm)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setStyleSheet(u"color: #b3261e;")
        self.codeError.setWordWrap(True)

        self.programLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.nameLabel = QLabel(ProgramForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.programLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QPlainTextEdit(ProgramForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setTabChangesFocus(True)

        self.programLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(ProgramForm)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b3261e;")
        self.nameError.setWordWrap(True)

        self.programLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.goalLabel = QLabel(ProgramForm)
        self.goalLabel.setObjectName(u"goalLabel")

        self.programLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.goalLabel)

        self.goalCombo = QComboBox(ProgramForm)
        self.goalCombo.setObjectName(u"goalCombo")

        self.programLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.goalCombo)

        self.goalError = QLabel(ProgramForm)
        self.goalError.setObjectName(u"goalError")
        self.goalError.setStyleSheet(u"color: #b3261e;")
        self.goalError.setWordWrap(True)

        self.programLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.goalError)

        self.paguLabel = QLabel(ProgramForm)
        self.paguLabel.setObjectName(u"paguLabel")

        self.programLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.paguLabel)

        self.paguTable = QTableWidget(ProgramForm)
        self.paguTable.setObjectName(u"paguTable")

        self.programLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.paguTable)

        self.paguError = QLabel(ProgramForm)
        self.paguError.setObjectName(u"paguError")
        self.paguError.setStyleSheet(u"color: #b3261e;")
        self.paguError.setWordWrap(True)

        self.programLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.paguError)

        self.paguHint = QLabel(ProgramForm)
        self.paguHint.setObjectName(u"paguHint")
        self.paguHint.setWordWrap(True)

        self.programLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.paguHint)


        self.mainLayout.addLayout(self.programLayout)

        self.buttonBox = QDialogButtonBox(ProgramForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.goalLabel.setBuddy(self.goalCombo)
        self.paguLabel.setBuddy(self.paguTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.goalCombo)
        QWidget.setTabOrder(self.goalCombo, self.paguTable)

        self.retranslateUi(ProgramForm)
        self.buttonBox.accepted.connect(ProgramForm.accept)
        self.buttonBox.rejected.connect(ProgramForm.reject)

        QMetaObject.connectSlotsByName(ProgramForm)
    # setupUi

    def retranslateUi(self, ProgramForm):
        ProgramForm.setWindowTitle(QCoreApplication.translate("ProgramForm", u"Program / Kegiatan / Sub Kegiatan", None))
        self.opdLabel.setText(QCoreApplication.translate("ProgramForm", u"Perangkat daerah:", None))
        self.opdValue.setText("")
        self.levelLabel.setText(QCoreApplication.translate("ProgramForm", u"Jenis:", None))
        self.levelValue.setText("")
        self.parentLabel.setText(QCoreApplication.translate("ProgramForm", u"Induk:", None))
        self.parentValue.setText("")
        self.codeLabel.setText(QCoreApplication.translate("ProgramForm", u"&Kode:", None))
        self.nameLabel.setText(QCoreApplication.translate("ProgramForm", u"&Nama:", None))
        self.goalLabel.setText(QCoreApplication.translate("ProgramForm", u"&Sasaran Renstra:", None))
        self.paguLabel.setText(QCoreApplication.translate("ProgramForm", u"&Pagu (DPA):", None))
        self.paguHint.setText("")
    # retranslateUi

