# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'goal_form.ui'
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

class Ui_GoalForm(object):
    def setupUi(self, GoalForm):
        if not GoalForm.objectName():
            GoalForm.setObjectName(u"GoalForm")
        GoalForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(GoalForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(GoalForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.goalLayout = QFormLayout()
        self.goalLayout.setObjectName(u"goalLayout")
        self.opdLabel = QLabel(GoalForm)
        self.opdLabel.setObjectName(u"opdLabel")

        self.goalLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.opdLabel)

        self.opdValue = QLabel(GoalForm)
        self.opdValue.setObjectName(u"opdValue")
        self.opdValue.setWordWrap(True)

        self.goalLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.opdValue)

        self.kindLabel = QLabel(GoalForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.goalLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindValue = QLabel(GoalForm)
        self.kindValue.setObjectName(u"kindValue")

        self.goalLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindValue)

        self.codeLabel = QLabel(GoalForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.goalLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(GoalForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.goalLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(GoalForm)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setStyleSheet(u"color: #b3261e;")
        self.codeError.setWordWrap(True)

        self.goalLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.statementLabel = QLabel(GoalForm)
        self.statementLabel.setObjectName(u"statementLabel")

        self.goalLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statementLabel)

        self.statementEdit = QPlainTextEdit(GoalForm)
        self.statementEdit.setObjectName(u"statementEdit")
        self.statementEdit.setTabChangesFocus(True)

        self.goalLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statementEdit)

        self.statementError = QLabel(GoalForm)
        self.statementError.setObjectName(u"statementError")
        self.statementError.setStyleSheet(u"color: #b3261e;")
        self.statementError.setWordWrap(True)

        self.goalLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statementError)

        self.parentLabel = QLabel(GoalForm)
        self.parentLabel.setObjectName(u"parentLabel")

        self.goalLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(GoalForm)
        self.parentCombo.setObjectName(u"parentCombo")

        self.goalLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.parentError = QLabel(GoalForm)
        self.parentError.setObjectName(u"parentError")
        self.parentError.setStyleSheet(u"color: #b3261e;")
        self.parentError.setWordWrap(True)

        self.goalLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.parentError)

        self.supportsLabel = QLabel(GoalForm)
        self.supportsLabel.setObjectName(u"supportsLabel")

        self.goalLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.supportsLabel)

        self.supportsCombo = QComboBox(GoalForm)
        self.supportsCombo.setObjectName(u"supportsCombo")

        self.goalLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.supportsCombo)

        self.supportsError = QLabel(GoalForm)
        self.supportsError.setObjectName(u"supportsError")
        self.supportsError.setStyleSheet(u"color: #b3261e;")
        self.supportsError.setWordWrap(True)

        self.goalLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.supportsError)

        self.supportsHint = QLabel(GoalForm)
        self.supportsHint.setObjectName(u"supportsHint")
        self.supportsHint.setWordWrap(True)

        self.goalLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.supportsHint)


        self.mainLayout.addLayout(self.goalLayout)

        self.buttonBox = QDialogButtonBox(GoalForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.statementLabel.setBuddy(self.statementEdit)
        self.parentLabel.setBuddy(self.parentCombo)
        self.supportsLabel.setBuddy(self.supportsCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.statementEdit)
        QWidget.setTabOrder(self.statementEdit, self.parentCombo)
        QWidget.setTabOrder(self.parentCombo, self.supportsCombo)

        self.retranslateUi(GoalForm)
        self.buttonBox.accepted.connect(GoalForm.accept)
        self.buttonBox.rejected.connect(GoalForm.reject)

        QMetaObject.connectSlotsByName(GoalForm)
    # setupUi

    def retranslateUi(self, GoalForm):
        GoalForm.setWindowTitle(QCoreApplication.translate("GoalForm", u"Tujuan / Sasaran Renstra", None))
        self.opdLabel.setText(QCoreApplication.translate("GoalForm", u"Perangkat daerah:", None))
        self.kindLabel.setText(QCoreApplication.translate("GoalForm", u"Jenis:", None))
        self.codeLabel.setText(QCoreApplication.translate("GoalForm", u"&Kode:", None))
        self.statementLabel.setText(QCoreApplication.translate("GoalForm", u"&Uraian:", None))
        self.parentLabel.setText(QCoreApplication.translate("GoalForm", u"Tujuan &induk:", None))
        self.supportsLabel.setText(QCoreApplication.translate("GoalForm", u"&Mendukung sasaran RPJMD:", None))
        self.supportsHint.setText(QCoreApplication.translate("GoalForm", u"Sasaran perangkat daerah yang belum terhubung ke sasaran RPJMD, atau belum memiliki indikator, ditandai pada pemeriksaan keselarasan.", None))
    # retranslateUi

