# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(560, 230)
        BackupDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(BackupDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.infoLabel = QLabel(BackupDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.infoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.folderLabel = QLabel(BackupDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folder = QLineEdit(BackupDialog)
        self.folder.setObjectName(u"folder")

        self.folderRow.addWidget(self.folder)

        self.browse = QPushButton(BackupDialog)
        self.browse.setObjectName(u"browse")

        self.folderRow.addWidget(self.browse)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.keepLabel = QLabel(BackupDialog)
        self.keepLabel.setObjectName(u"keepLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keepLabel)

        self.keep = QSpinBox(BackupDialog)
        self.keep.setObjectName(u"keep")
        self.keep.setMinimum(1)
        self.keep.setMaximum(365)
        self.keep.setValue(10)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keep)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(BackupDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(BackupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folder)
        self.keepLabel.setBuddy(self.keep)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folder, self.browse)
        QWidget.setTabOrder(self.browse, self.keep)
        QWidget.setTabOrder(self.keep, self.buttonBox)

        self.retranslateUi(BackupDialog)

        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"Sao l\u01b0u t\u1ef1 \u0111\u1ed9ng", None))
        self.infoLabel.setText(QCoreApplication.translate("BackupDialog", u"Ch\u01b0\u01a1ng tr\u00ecnh t\u1ef1 sao l\u01b0u t\u1ec7p d\u1eef li\u1ec7u m\u1ed7i ng\u00e0y m\u1ed9t l\u1ea7n khi m\u1edf, v\u00e0 khi \u0111\u00f3ng n\u1ebfu \u0111\u00e3 c\u00f3 thay \u0111\u1ed5i. Ch\u1ec9 gi\u1eef l\u1ea1i c\u00e1c b\u1ea3n m\u1edbi nh\u1ea5t.", None))
        self.folderLabel.setText(QCoreApplication.translate("BackupDialog", u"Th\u01b0 m\u1ee5c sao l\u01b0u:", None))
        self.browse.setText(QCoreApplication.translate("BackupDialog", u"Ch\u1ecdn\u2026", None))
        self.keepLabel.setText(QCoreApplication.translate("BackupDialog", u"S\u1ed1 b\u1ea3n gi\u1eef l\u1ea1i:", None))
        self.errorLabel.setText("")
    # retranslateUi

