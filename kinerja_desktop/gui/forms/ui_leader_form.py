# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leader_form.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

from kinerja_desktop.gui.date_edit import DateEdit

class Ui_LeaderForm(object):
    def setupUi(self, LeaderForm):
        if not LeaderForm.objectName():
            LeaderForm.setObjectName(u"LeaderForm")
        self.mainLayout = QVBoxLayout(LeaderForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(LeaderForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.roleLabel = QLabel(LeaderForm)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(LeaderForm)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.actingLabel = QLabel(LeaderForm)
        self.actingLabel.setObjectName(u"actingLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.actingLabel)

        self.actingCombo = QComboBox(LeaderForm)
        self.actingCombo.setObjectName(u"actingCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.actingCombo)

        self.nameLabel = QLabel(LeaderForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(LeaderForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(LeaderForm)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b3261e;")
        self.nameError.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.positionLabel = QLabel(LeaderForm)
        self.positionLabel.setObjectName(u"positionLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionEdit = QLineEdit(LeaderForm)
        self.positionEdit.setObjectName(u"positionEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.positionError = QLabel(LeaderForm)
        self.positionError.setObjectName(u"positionError")
        self.positionError.setStyleSheet(u"color: #b3261e;")
        self.positionError.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.positionError)

        self.nipLabel = QLabel(LeaderForm)
        self.nipLabel.setObjectName(u"nipLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nipLabel)

        self.nipEdit = QLineEdit(LeaderForm)
        self.nipEdit.setObjectName(u"nipEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nipEdit)

        self.nipError = QLabel(LeaderForm)
        self.nipError.setObjectName(u"nipError")
        self.nipError.setStyleSheet(u"color: #b3261e;")
        self.nipError.setWordWrap(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.nipError)

        self.rankLabel = QLabel(LeaderForm)
        self.rankLabel.setObjectName(u"rankLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.rankLabel)

        self.rankCombo = QComboBox(LeaderForm)
        self.rankCombo.setObjectName(u"rankCombo")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.rankCombo)

        self.startLabel = QLabel(LeaderForm)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = DateEdit(LeaderForm)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(LeaderForm)
        self.endLabel.setObjectName(u"endLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endLayout = QHBoxLayout()
        self.endLayout.setObjectName(u"endLayout")
        self.endCheck = QCheckBox(LeaderForm)
        self.endCheck.setObjectName(u"endCheck")

        self.endLayout.addWidget(self.endCheck)

        self.endEdit = DateEdit(LeaderForm)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.endLayout.addWidget(self.endEdit)


        self.formLayout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.endLayout)

        self.endError = QLabel(LeaderForm)
        self.endError.setObjectName(u"endError")
        self.endError.setStyleSheet(u"color: #b3261e;")
        self.endError.setWordWrap(True)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.endError)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(LeaderForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.roleCombo)
        self.actingLabel.setBuddy(self.actingCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.positionLabel.setBuddy(self.positionEdit)
        self.nipLabel.setBuddy(self.nipEdit)
        self.rankLabel.setBuddy(self.rankCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LeaderForm)
        self.buttonBox.accepted.connect(LeaderForm.accept)
        self.buttonBox.rejected.connect(LeaderForm.reject)

        QMetaObject.connectSlotsByName(LeaderForm)
    # setupUi

    def retranslateUi(self, LeaderForm):
        LeaderForm.setWindowTitle(QCoreApplication.translate("LeaderForm", u"Pimpinan Daerah", None))
        self.roleLabel.setText(QCoreApplication.translate("LeaderForm", u"&Peran:", None))
        self.actingLabel.setText(QCoreApplication.translate("LeaderForm", u"&Status:", None))
        self.nameLabel.setText(QCoreApplication.translate("LeaderForm", u"&Nama (dengan gelar):", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("LeaderForm", u"H. Ahmad Fauzan, S.E., M.M.", None))
        self.positionLabel.setText(QCoreApplication.translate("LeaderForm", u"&Jabatan:", None))
        self.positionEdit.setPlaceholderText(QCoreApplication.translate("LeaderForm", u"Bupati Sukamaju", None))
        self.nipLabel.setText(QCoreApplication.translate("LeaderForm", u"N&IP (bila ASN):", None))
        self.nipEdit.setPlaceholderText(QCoreApplication.translate("LeaderForm", u"kosongkan untuk kepala daerah hasil pilkada", None))
        self.rankLabel.setText(QCoreApplication.translate("LeaderForm", u"Pang&kat/golongan:", None))
        self.startLabel.setText(QCoreApplication.translate("LeaderForm", u"&Mulai menjabat:", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("LeaderForm", u"d MMMM yyyy", None))
        self.endLabel.setText(QCoreApplication.translate("LeaderForm", u"&Akhir masa jabatan:", None))
        self.endCheck.setText(QCoreApplication.translate("LeaderForm", u"sudah berakhir pada", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("LeaderForm", u"d MMMM yyyy", None))
    # retranslateUi

