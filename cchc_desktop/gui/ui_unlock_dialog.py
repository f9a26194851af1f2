# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_UnlockDialog(object):
    def setupUi(self, UnlockDialog):
        if not UnlockDialog.objectName():
            UnlockDialog.setObjectName(u"UnlockDialog")
        UnlockDialog.resize(520, 300)
        UnlockDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(UnlockDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.infoLabel = QLabel(UnlockDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.infoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.reasonLabel = QLabel(UnlockDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QPlainTextEdit(UnlockDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(UnlockDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(UnlockDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reason, self.buttonBox)

        self.retranslateUi(UnlockDialog)

        QMetaObject.connectSlotsByName(UnlockDialog)
    # setupUi

    def retranslateUi(self, UnlockDialog):
        UnlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"M\u1edf kh\u00f3a k\u1ef3 \u0111\u00e3 ch\u1ed1t", None))
        self.infoLabel.setText(QCoreApplication.translate("UnlockDialog", u"K\u1ef3 n\u00e0y \u0111\u00e3 ch\u1ed1t s\u1ed1 li\u1ec7u. L\u00fd do m\u1edf kh\u00f3a \u0111\u01b0\u1ee3c ghi v\u00e0o nh\u1eadt k\u00fd thay \u0111\u1ed5i.", None))
        self.reasonLabel.setText(QCoreApplication.translate("UnlockDialog", u"L\u00fd do m\u1edf kh\u00f3a:", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("UnlockDialog", u"V\u00ed d\u1ee5: c\u1ea5p tr\u00ean y\u00eau c\u1ea7u b\u1ed5 sung s\u1ed1 li\u1ec7u h\u1ed3 s\u01a1 \u0111\u1ea5t \u0111ai", None))
        self.errorLabel.setText("")
    # retranslateUi

