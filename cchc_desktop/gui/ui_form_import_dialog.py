# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_FormImportDialog(object):
    def setupUi(self, FormImportDialog):
        if not FormImportDialog.objectName():
            FormImportDialog.setObjectName(u"FormImportDialog")
        FormImportDialog.resize(1100, 680)
        FormImportDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(FormImportDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.fileLayout = QFormLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.fileLabel = QLabel(FormImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(FormImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileRow.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(FormImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileRow.addWidget(self.chooseButton)


        self.fileLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.mappingLabel = QLabel(FormImportDialog)
        self.mappingLabel.setObjectName(u"mappingLabel")

        self.fileLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.mappingLabel)

        self.mappingRow = QHBoxLayout()
        self.mappingRow.setObjectName(u"mappingRow")
        self.mappingEdit = QLineEdit(FormImportDialog)
        self.mappingEdit.setObjectName(u"mappingEdit")
        self.mappingEdit.setReadOnly(True)

        self.mappingRow.addWidget(self.mappingEdit)

        self.mappingButton = QPushButton(FormImportDialog)
        self.mappingButton.setObjectName(u"mappingButton")

        self.mappingRow.addWidget(self.mappingButton)


        self.fileLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.mappingRow)

        self.nameLabel = QLabel(FormImportDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fileLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FormImportDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.fileLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.verticalLayout.addLayout(self.fileLayout)

        self.summaryLabel = QLabel(FormImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.summaryLabel)

        self.rowsTable = QTableWidget(FormImportDialog)
        self.rowsTable.setObjectName(u"rowsTable")
        self.rowsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.rowsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rowsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.rowsTable.setWordWrap(True)

        self.verticalLayout.addWidget(self.rowsTable)

        self.whyLabel = QLabel(FormImportDialog)
        self.whyLabel.setObjectName(u"whyLabel")
        self.whyLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.whyLabel)

        self.pickRow = QHBoxLayout()
        self.pickRow.setObjectName(u"pickRow")
        self.pickLabel = QLabel(FormImportDialog)
        self.pickLabel.setObjectName(u"pickLabel")

        self.pickRow.addWidget(self.pickLabel)

        self.pickerHolder = QWidget(FormImportDialog)
        self.pickerHolder.setObjectName(u"pickerHolder")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.pickerHolder.sizePolicy().hasHeightForWidth())
        self.pickerHolder.setSizePolicy(sizePolicy)

        self.pickRow.addWidget(self.pickerHolder)

        self.useButton = QPushButton(FormImportDialog)
        self.useButton.setObjectName(u"useButton")

        self.pickRow.addWidget(self.useButton)

        self.blankButton = QPushButton(FormImportDialog)
        self.blankButton.setObjectName(u"blankButton")

        self.pickRow.addWidget(self.blankButton)


        self.verticalLayout.addLayout(self.pickRow)

        self.unitTemplateCheck = QCheckBox(FormImportDialog)
        self.unitTemplateCheck.setObjectName(u"unitTemplateCheck")

        self.verticalLayout.addWidget(self.unitTemplateCheck)

        self.errorLabel = QLabel(FormImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.exportButton = QPushButton(FormImportDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonRow.addWidget(self.exportButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(FormImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.buttonRow.addWidget(self.buttonBox)


        self.verticalLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.mappingLabel.setBuddy(self.mappingButton)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.mappingButton)
        QWidget.setTabOrder(self.mappingButton, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.rowsTable)
        QWidget.setTabOrder(self.rowsTable, self.useButton)
        QWidget.setTabOrder(self.useButton, self.blankButton)
        QWidget.setTabOrder(self.blankButton, self.unitTemplateCheck)
        QWidget.setTabOrder(self.unitTemplateCheck, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.buttonBox)

        self.retranslateUi(FormImportDialog)

        QMetaObject.connectSlotsByName(FormImportDialog)
    # setupUi

    def retranslateUi(self, FormImportDialog):
        FormImportDialog.setWindowTitle(QCoreApplication.translate("FormImportDialog", u"Bi\u1ec3u m\u1eabu Excel c\u1ee7a c\u1ea5p tr\u00ean", None))
        self.fileLabel.setText(QCoreApplication.translate("FormImportDialog", u"&T\u1ec7p bi\u1ec3u m\u1eabu:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("FormImportDialog", u"T\u1ec7p Excel (.xlsx) c\u1ea5p tr\u00ean g\u1eedi v\u1ec1", None))
        self.chooseButton.setText(QCoreApplication.translate("FormImportDialog", u"&Ch\u1ecdn t\u1ec7p\u2026", None))
        self.mappingLabel.setText(QCoreApplication.translate("FormImportDialog", u"T\u1ec7p \u00e1&nh x\u1ea1 (n\u1ebfu c\u00f3):", None))
        self.mappingEdit.setPlaceholderText(QCoreApplication.translate("FormImportDialog", u"T\u1ec7p .json c\u1ea5p tr\u00ean g\u1eedi k\u00e8m \u0111\u1ec3 m\u1ecdi x\u00e3 gh\u00e9p c\u00e1c d\u00f2ng gi\u1ed1ng nhau", None))
        self.mappingButton.setText(QCoreApplication.translate("FormImportDialog", u"Ch\u1ecdn t\u1ec7p \u00e1nh &x\u1ea1\u2026", None))
        self.nameLabel.setText(QCoreApplication.translate("FormImportDialog", u"T\u00ea&n m\u1eabu:", None))
#if QT_CONFIG(tooltip)
        self.nameEdit.setToolTip(QCoreApplication.translate("FormImportDialog", u"T\u00ean ng\u1eafn kh\u00f4ng d\u1ea5u, d\u00f9ng khi in t\u1eeb d\u00f2ng l\u1ec7nh (--template)", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText(QCoreApplication.translate("FormImportDialog", u"Ch\u1ecdn t\u1ec7p Excel c\u1ea5p tr\u00ean g\u1eedi v\u1ec1: ch\u01b0\u01a1ng tr\u00ecnh t\u00ecm b\u1ea3ng s\u1ed1 li\u1ec7u v\u00e0 gh\u00e9p t\u1eebng d\u00f2ng v\u1edbi ch\u1ec9 ti\u00eau c\u1ee7a m\u00ecnh.", None))
        self.whyLabel.setText("")
        self.pickLabel.setText(QCoreApplication.translate("FormImportDialog", u"Ch\u1ec9 ti\u00eau cho d\u00f2ng \u0111\u00e3 ch\u1ecdn:", None))
        self.useButton.setText(QCoreApplication.translate("FormImportDialog", u"&D\u00f9ng ch\u1ec9 ti\u00eau n\u00e0y", None))
        self.blankButton.setText(QCoreApplication.translate("FormImportDialog", u"\u0110\u1ec3 &tr\u1ed1ng d\u00f2ng n\u00e0y", None))
        self.unitTemplateCheck.setText(QCoreApplication.translate("FormImportDialog", u"D\u00f9ng bi\u1ec3u m\u1eabu n\u00e0y l\u00e0m &m\u1eabu ph\u1ee5 l\u1ee5c c\u1ee7a \u0111\u01a1n v\u1ecb (nh\u1eadp s\u1ed1 li\u1ec7u theo th\u1ee9 t\u1ef1 c\u00e1c d\u00f2ng c\u1ee7a bi\u1ec3u)", None))
        self.errorLabel.setText("")
        self.exportButton.setText(QCoreApplication.translate("FormImportDialog", u"&Xu\u1ea5t t\u1ec7p \u00e1nh x\u1ea1\u2026", None))
    # retranslateUi

