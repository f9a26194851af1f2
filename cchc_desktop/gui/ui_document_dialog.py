# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_DocumentDialog(object):
    def setupUi(self, DocumentDialog):
        if not DocumentDialog.objectName():
            DocumentDialog.setObjectName(u"DocumentDialog")
        DocumentDialog.resize(600, 300)
        DocumentDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(DocumentDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.numberLabel = QLabel(DocumentDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.number = QLineEdit(DocumentDialog)
        self.number.setObjectName(u"number")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.number)

        self.issuedOnLabel = QLabel(DocumentDialog)
        self.issuedOnLabel.setObjectName(u"issuedOnLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuedOnLabel)

        self.issuedOn = QLineEdit(DocumentDialog)
        self.issuedOn.setObjectName(u"issuedOn")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuedOn)

        self.docTypeLabel = QLabel(DocumentDialog)
        self.docTypeLabel.setObjectName(u"docTypeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.docTypeLabel)

        self.docType = QComboBox(DocumentDialog)
        self.docType.setObjectName(u"docType")
        self.docType.setEditable(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.docType)

        self.summaryLabel = QLabel(DocumentDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summary = QPlainTextEdit(DocumentDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.summary)

        self.areaLabel = QLabel(DocumentDialog)
        self.areaLabel.setObjectName(u"areaLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.area = QComboBox(DocumentDialog)
        self.area.setObjectName(u"area")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.area)

        self.countsAsDirectionLabel = QLabel(DocumentDialog)
        self.countsAsDirectionLabel.setObjectName(u"countsAsDirectionLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.countsAsDirectionLabel)

        self.countsAsDirection = QCheckBox(DocumentDialog)
        self.countsAsDirection.setObjectName(u"countsAsDirection")
        self.countsAsDirection.setChecked(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.countsAsDirection)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(DocumentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DocumentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.number)
        self.issuedOnLabel.setBuddy(self.issuedOn)
        self.docTypeLabel.setBuddy(self.docType)
        self.summaryLabel.setBuddy(self.summary)
        self.areaLabel.setBuddy(self.area)
        self.countsAsDirectionLabel.setBuddy(self.countsAsDirection)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.number, self.issuedOn)
        QWidget.setTabOrder(self.issuedOn, self.docType)
        QWidget.setTabOrder(self.docType, self.summary)
        QWidget.setTabOrder(self.summary, self.area)
        QWidget.setTabOrder(self.area, self.countsAsDirection)
        QWidget.setTabOrder(self.countsAsDirection, self.buttonBox)

        self.retranslateUi(DocumentDialog)

        QMetaObject.connectSlotsByName(DocumentDialog)
    # setupUi

    def retranslateUi(self, DocumentDialog):
        DocumentDialog.setWindowTitle(QCoreApplication.translate("DocumentDialog", u"V\u0103n b\u1ea3n ch\u1ec9 \u0111\u1ea1o", None))
        self.numberLabel.setText(QCoreApplication.translate("DocumentDialog", u"S\u1ed1 k\u00fd hi\u1ec7u:", None))
        self.number.setPlaceholderText(QCoreApplication.translate("DocumentDialog", u"25/KH-UBND", None))
        self.issuedOnLabel.setText(QCoreApplication.translate("DocumentDialog", u"Ng\u00e0y ban h\u00e0nh:", None))
        self.issuedOn.setPlaceholderText(QCoreApplication.translate("DocumentDialog", u"dd/mm/yyyy", None))
        self.docTypeLabel.setText(QCoreApplication.translate("DocumentDialog", u"Lo\u1ea1i v\u0103n b\u1ea3n:", None))
        self.summaryLabel.setText(QCoreApplication.translate("DocumentDialog", u"Tr\u00edch y\u1ebfu:", None))
        self.areaLabel.setText(QCoreApplication.translate("DocumentDialog", u"L\u0129nh v\u1ef1c CCHC:", None))
        self.countsAsDirectionLabel.setText("")
        self.countsAsDirection.setText(QCoreApplication.translate("DocumentDialog", u"T\u00ednh l\u00e0 v\u0103n b\u1ea3n ch\u1ec9 \u0111\u1ea1o CCHC (\u0111\u1ebfm v\u00e0o ch\u1ec9 ti\u00eau s\u1ed1 v\u0103n b\u1ea3n \u0111\u00e3 ban h\u00e0nh)", None))
        self.errorLabel.setText("")
    # retranslateUi

