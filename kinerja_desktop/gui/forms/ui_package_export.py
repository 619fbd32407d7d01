# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'package_export.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PackageExportForm(object):
    def setupUi(self, PackageExportForm):
        if not PackageExportForm.objectName():
            PackageExportForm.setObjectName(u"PackageExportForm")
        PackageExportForm.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(PackageExportForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(PackageExportForm)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b3261e;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.kindGroup = QGroupBox(PackageExportForm)
        self.kindGroup.setObjectName(u"kindGroup")
        self.kindLayout = QVBoxLayout(self.kindGroup)
        self.kindLayout.setObjectName(u"kindLayout")
        self.masterRadio = QRadioButton(self.kindGroup)
        self.masterRadio.setObjectName(u"masterRadio")

        self.kindLayout.addWidget(self.masterRadio)

        self.fieldRadio = QRadioButton(self.kindGroup)
        self.fieldRadio.setObjectName(u"fieldRadio")

        self.kindLayout.addWidget(self.fieldRadio)

        self.kindNote = QLabel(self.kindGroup)
        self.kindNote.setObjectName(u"kindNote")
        self.kindNote.setWordWrap(True)

        self.kindLayout.addWidget(self.kindNote)


        self.mainLayout.addWidget(self.kindGroup)

        self.scopeGroup = QGroupBox(PackageExportForm)
        self.scopeGroup.setObjectName(u"scopeGroup")
        self.scopeLayout = QVBoxLayout(self.scopeGroup)
        self.scopeLayout.setObjectName(u"scopeLayout")
        self.scopeTools = QHBoxLayout()
        self.scopeTools.setObjectName(u"scopeTools")
        self.allOpdCheck = QCheckBox(self.scopeGroup)
        self.allOpdCheck.setObjectName(u"allOpdCheck")
        self.allOpdCheck.setChecked(True)

        self.scopeTools.addWidget(self.allOpdCheck)

        self.opdSearch = QLineEdit(self.scopeGroup)
        self.opdSearch.setObjectName(u"opdSearch")
        self.opdSearch.setClearButtonEnabled(True)

        self.scopeTools.addWidget(self.opdSearch)


        self.scopeLayout.addLayout(self.scopeTools)

        self.opdList = QListWidget(self.scopeGroup)
        self.opdList.setObjectName(u"opdList")

        self.scopeLayout.addWidget(self.opdList)

        self.scopeCount = QLabel(self.scopeGroup)
        self.scopeCount.setObjectName(u"scopeCount")

        self.scopeLayout.addWidget(self.scopeCount)


        self.mainLayout.addWidget(self.scopeGroup)

        self.labelLayout = QFormLayout()
        self.labelLayout.setObjectName(u"labelLayout")
        self.labelLabel = QLabel(PackageExportForm)
        self.labelLabel.setObjectName(u"labelLabel")

        self.labelLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.labelLabel)

        self.labelEdit = QLineEdit(PackageExportForm)
        self.labelEdit.setObjectName(u"labelEdit")
        self.labelEdit.setMaxLength(200)

        self.labelLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.labelEdit)


        self.mainLayout.addLayout(self.labelLayout)

        self.buttonBox = QDialogButtonBox(PackageExportForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.labelLabel.setBuddy(self.labelEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackageExportForm)

        QMetaObject.connectSlotsByName(PackageExportForm)
    # setupUi

    def retranslateUi(self, PackageExportForm):
        PackageExportForm.setWindowTitle(QCoreApplication.translate("PackageExportForm", u"Ekspor paket", None))
        self.kindGroup.setTitle(QCoreApplication.translate("PackageExportForm", u"Jenis paket", None))
        self.masterRadio.setText(QCoreApplication.translate("PackageExportForm", u"Paket &induk: dibuat di pusat, untuk menyiapkan atau menyegarkan laptop lapangan", None))
        self.fieldRadio.setText(QCoreApplication.translate("PackageExportForm", u"Paket la&pangan: dibuat di laptop, berisi perubahan untuk pusat (Bappeda)", None))
        self.scopeGroup.setTitle(QCoreApplication.translate("PackageExportForm", u"Perangkat daerah", None))
        self.allOpdCheck.setText(QCoreApplication.translate("PackageExportForm", u"&Semua perangkat daerah", None))
        self.opdSearch.setPlaceholderText(QCoreApplication.translate("PackageExportForm", u"Cari kode, singkatan, atau nama\u2026", None))
        self.labelLabel.setText(QCoreApplication.translate("PackageExportForm", u"&Keterangan:", None))
        self.labelEdit.setPlaceholderText(QCoreApplication.translate("PackageExportForm", u"mis. Laptop Kecamatan Sukamaju", None))
    # retranslateUi

