# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rpjmd_goal_form.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_RpjmdGoalForm(object):
    def setupUi(self, RpjmdGoalForm):
        if not RpjmdGoalForm.objectName():
            RpjmdGoalForm.setObjectName(u"RpjmdGoalForm")
        RpjmdGoalForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(RpjmdGoalForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(RpjmdGoalForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.goalLayout = QFormLayout()
        self.goalLayout.setObjectName(u"goalLayout")
        self.periodLabel = QLabel(RpjmdGoalForm)
        self.periodLabel.setObjectName(u"periodLabel")

        self.goalLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodValue = QLabel(RpjmdGoalForm)
        self.periodValue.setObjectName(u"periodValue")
        self.periodValue.setWordWrap(True)

        self.goalLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodValue)

        self.kindLabel = QLabel(RpjmdGoalForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.goalLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindValue = QLabel(RpjmdGoalForm)
        self.kindValue.setObjectName(u"kindValue")

        self.goalLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindValue)

        self.parentLabel = QLabel(RpjmdGoalForm)
        self.parentLabel.setObjectName(u"parentLabel")

        self.goalLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(RpjmdGoalForm)
        self.parentCombo.setObjectName(u"parentCombo")

        self.goalLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.parentError = QLabel(RpjmdGoalForm)
        self.parentError.setObjectName(u"parentError")
        self.parentError.setStyleSheet(u"color: #b3261e;")
        self.parentError.setWordWrap(True)

        self.goalLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parentError)

        self.codeLabel = QLabel(RpjmdGoalForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.goalLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(RpjmdGoalForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.goalLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(RpjmdGoalForm)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setStyleSheet(u"color: #b3261e;")
        self.codeError.setWordWrap(True)

        self.goalLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.statementLabel = QLabel(RpjmdGoalForm)
        self.statementLabel.setObjectName(u"statementLabel")

        self.goalLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.statementLabel)

        self.statementEdit = QPlainTextEdit(RpjmdGoalForm)
        self.statementEdit.setObjectName(u"statementEdit")
        self.statementEdit.setTabChangesFocus(True)

        self.goalLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.statementEdit)

        self.statementError = QLabel(RpjmdGoalForm)
        self.statementError.setObjectName(u"statementError")
        self.statementError.setStyleSheet(u"color: #b3261e;")
        self.statementError.setWordWrap(True)

        self.goalLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.statementError)


        self.mainLayout.addLayout(self.goalLayout)

        self.buttonBox = QDialogButtonBox(RpjmdGoalForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.parentLabel.setBuddy(self.parentCombo)
        self.codeLabel.setBuddy(self.codeEdit)
        self.statementLabel.setBuddy(self.statementEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.parentCombo, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.statementEdit)

        self.retranslateUi(RpjmdGoalForm)
        self.buttonBox.accepted.connect(RpjmdGoalForm.accept)
        self.buttonBox.rejected.connect(RpjmdGoalForm.reject)

        QMetaObject.connectSlotsByName(RpjmdGoalForm)
    # setupUi

    def retranslateUi(self, RpjmdGoalForm):
        RpjmdGoalForm.setWindowTitle(QCoreApplication.translate("RpjmdGoalForm", u"Misi / Tujuan / Sasaran RPJMD", None))
        self.periodLabel.setText(QCoreApplication.translate("RpjmdGoalForm", u"Periode:", None))
        self.periodValue.setText("")
        self.kindLabel.setText(QCoreApplication.translate("RpjmdGoalForm", u"Jenis:", None))
        self.kindValue.setText("")
        self.parentLabel.setText(QCoreApplication.translate("RpjmdGoalForm", u"&Induk:", None))
        self.codeLabel.setText(QCoreApplication.translate("RpjmdGoalForm", u"&Kode:", None))
        self.statementLabel.setText(QCoreApplication.translate("RpjmdGoalForm", u"&Uraian:", None))
    # retranslateUi

