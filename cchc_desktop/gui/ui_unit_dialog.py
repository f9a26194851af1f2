# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_dialog.ui'
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

class Ui_UnitDialog(object):
    def setupUi(self, UnitDialog):
        if not UnitDialog.objectName():
            UnitDialog.setObjectName(u"UnitDialog")
        UnitDialog.resize(600, 300)
        UnitDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(UnitDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(UnitDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(UnitDialog)
        self.name.setObjectName(u"name")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.parentLabel = QLabel(UnitDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parent = QLineEdit(UnitDialog)
        self.parent.setObjectName(u"parent")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.parent)

        self.placeLabel = QLabel(UnitDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.place = QLineEdit(UnitDialog)
        self.place.setObjectName(u"place")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.place)

        self.symbolLabel = QLabel(UnitDialog)
        self.symbolLabel.setObjectName(u"symbolLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.symbolLabel)

        self.symbol = QLineEdit(UnitDialog)
        self.symbol.setObjectName(u"symbol")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.symbol)

        self.signer_prefixLabel = QLabel(UnitDialog)
        self.signer_prefixLabel.setObjectName(u"signer_prefixLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.signer_prefixLabel)

        self.signer_prefix = QLineEdit(UnitDialog)
        self.signer_prefix.setObjectName(u"signer_prefix")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.signer_prefix)

        self.signer_titleLabel = QLabel(UnitDialog)
        self.signer_titleLabel.setObjectName(u"signer_titleLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.signer_titleLabel)

        self.signer_title = QLineEdit(UnitDialog)
        self.signer_title.setObjectName(u"signer_title")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signer_title)

        self.signer_nameLabel = QLabel(UnitDialog)
        self.signer_nameLabel.setObjectName(u"signer_nameLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signer_nameLabel)

        self.signer_name = QLineEdit(UnitDialog)
        self.signer_name.setObjectName(u"signer_name")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signer_name)

        self.addresseesLabel = QLabel(UnitDialog)
        self.addresseesLabel.setObjectName(u"addresseesLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addresseesLabel)

        self.addressees = QPlainTextEdit(UnitDialog)
        self.addressees.setObjectName(u"addressees")
        self.addressees.setTabChangesFocus(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressees)

        self.recipientsLabel = QLabel(UnitDialog)
        self.recipientsLabel.setObjectName(u"recipientsLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipients = QPlainTextEdit(UnitDialog)
        self.recipients.setObjectName(u"recipients")
        self.recipients.setTabChangesFocus(True)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.recipients)

        self.templateLabel = QLabel(UnitDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.template = QComboBox(UnitDialog)
        self.template.setObjectName(u"template")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.template)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(UnitDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(UnitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.parentLabel.setBuddy(self.parent)
        self.placeLabel.setBuddy(self.place)
        self.symbolLabel.setBuddy(self.symbol)
        self.signer_prefixLabel.setBuddy(self.signer_prefix)
        self.signer_titleLabel.setBuddy(self.signer_title)
        self.signer_nameLabel.setBuddy(self.signer_name)
        self.addresseesLabel.setBuddy(self.addressees)
        self.recipientsLabel.setBuddy(self.recipients)
        self.templateLabel.setBuddy(self.template)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.parent)
        QWidget.setTabOrder(self.parent, self.place)
        QWidget.setTabOrder(self.place, self.symbol)
        QWidget.setTabOrder(self.symbol, self.signer_prefix)
        QWidget.setTabOrder(self.signer_prefix, self.signer_title)
        QWidget.setTabOrder(self.signer_title, self.signer_name)
        QWidget.setTabOrder(self.signer_name, self.addressees)
        QWidget.setTabOrder(self.addressees, self.recipients)
        QWidget.setTabOrder(self.recipients, self.template)
        QWidget.setTabOrder(self.template, self.buttonBox)

        self.retranslateUi(UnitDialog)

        QMetaObject.connectSlotsByName(UnitDialog)
    # setupUi

    def retranslateUi(self, UnitDialog):
        UnitDialog.setWindowTitle(QCoreApplication.translate("UnitDialog", u"Th\u00f4ng tin \u0111\u01a1n v\u1ecb", None))
        self.nameLabel.setText(QCoreApplication.translate("UnitDialog", u"T\u00ean \u0111\u01a1n v\u1ecb:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"UBND ph\u01b0\u1eddng 2", None))
        self.parentLabel.setText(QCoreApplication.translate("UnitDialog", u"C\u01a1 quan c\u1ea5p tr\u00ean:", None))
        self.parent.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"UBND th\u1ecb x\u00e3 Qu\u1ea3ng Tr\u1ecb", None))
        self.placeLabel.setText(QCoreApplication.translate("UnitDialog", u"\u0110\u1ecba danh (ghi \u1edf d\u00f2ng ng\u00e0y th\u00e1ng):", None))
        self.place.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"Ph\u01b0\u1eddng 2", None))
        self.symbolLabel.setText(QCoreApplication.translate("UnitDialog", u"K\u00fd hi\u1ec7u b\u00e1o c\u00e1o:", None))
        self.symbol.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"BC-UBND", None))
        self.signer_prefixLabel.setText(QCoreApplication.translate("UnitDialog", u"Th\u1ea9m quy\u1ec1n k\u00fd:", None))
        self.signer_prefix.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"TM. \u1ee6Y BAN NH\u00c2N D\u00c2N", None))
        self.signer_titleLabel.setText(QCoreApplication.translate("UnitDialog", u"Ch\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.signer_title.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"CH\u1ee6 T\u1ecaCH", None))
        self.signer_nameLabel.setText(QCoreApplication.translate("UnitDialog", u"H\u1ecd t\u00ean ng\u01b0\u1eddi k\u00fd:", None))
        self.addresseesLabel.setText(QCoreApplication.translate("UnitDialog", u"K\u00ednh g\u1eedi:", None))
        self.addressees.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"\u0110\u1ec3 tr\u1ed1ng n\u1ebfu b\u00e1o c\u00e1o kh\u00f4ng g\u1eedi l\u00ean c\u1ea5p tr\u00ean", None))
        self.recipientsLabel.setText(QCoreApplication.translate("UnitDialog", u"N\u01a1i nh\u1eadn:", None))
        self.recipients.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"- UBND th\u1ecb x\u00e3;\n"
"- L\u01b0u: VT, VP.", None))
        self.templateLabel.setText(QCoreApplication.translate("UnitDialog", u"M\u1eabu ph\u1ee5 l\u1ee5c:", None))
#if QT_CONFIG(tooltip)
        self.template.setToolTip(QCoreApplication.translate("UnitDialog", u"M\u1eabu ph\u1ee5 l\u1ee5c c\u1ea5p tr\u00ean y\u00eau c\u1ea7u", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

