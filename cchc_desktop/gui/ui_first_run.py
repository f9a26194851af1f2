# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(600, 300)
        FirstRunDialog.setModal(True)
        self.verticalLayout = QVBoxLayout(FirstRunDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.introLabel)

        self.choiceLayout = QHBoxLayout()
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.sampleButton = QPushButton(FirstRunDialog)
        self.sampleButton.setObjectName(u"sampleButton")

        self.choiceLayout.addWidget(self.sampleButton)

        self.openButton = QPushButton(FirstRunDialog)
        self.openButton.setObjectName(u"openButton")

        self.choiceLayout.addWidget(self.openButton)


        self.verticalLayout.addLayout(self.choiceLayout)

        self.newLabel = QLabel(FirstRunDialog)
        self.newLabel.setObjectName(u"newLabel")
        self.newLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.newLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(FirstRunDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(FirstRunDialog)
        self.name.setObjectName(u"name")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.codeLabel = QLabel(FirstRunDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.code = QLineEdit(FirstRunDialog)
        self.code.setObjectName(u"code")
        self.code.setMaxLength(5)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code)

        self.parentLabel = QLabel(FirstRunDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parent = QLineEdit(FirstRunDialog)
        self.parent.setObjectName(u"parent")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parent)

        self.placeLabel = QLabel(FirstRunDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.place = QLineEdit(FirstRunDialog)
        self.place.setObjectName(u"place")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place)

        self.merged = QCheckBox(FirstRunDialog)
        self.merged.setObjectName(u"merged")
        self.merged.setChecked(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.merged)

        self.pathLabel = QLabel(FirstRunDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.path = QLineEdit(FirstRunDialog)
        self.path.setObjectName(u"path")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.path)


        self.verticalLayout.addLayout(self.formLayout)

        self.browseLayout = QHBoxLayout()
        self.browseLayout.setObjectName(u"browseLayout")
        self.browseSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.browseLayout.addItem(self.browseSpacer)

        self.browseButton = QPushButton(FirstRunDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.browseLayout.addWidget(self.browseButton)

        self.createButton = QPushButton(FirstRunDialog)
        self.createButton.setObjectName(u"createButton")

        self.browseLayout.addWidget(self.createButton)


        self.verticalLayout.addLayout(self.browseLayout)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.codeLabel.setBuddy(self.code)
        self.parentLabel.setBuddy(self.parent)
        self.placeLabel.setBuddy(self.place)
        self.pathLabel.setBuddy(self.path)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.code)
        QWidget.setTabOrder(self.code, self.parent)
        QWidget.setTabOrder(self.parent, self.place)
        QWidget.setTabOrder(self.place, self.merged)
        QWidget.setTabOrder(self.merged, self.path)
        QWidget.setTabOrder(self.path, self.createButton)
        QWidget.setTabOrder(self.createButton, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.sampleButton)
        QWidget.setTabOrder(self.sampleButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.buttonBox)

        self.retranslateUi(FirstRunDialog)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"B\u1eaft \u0111\u1ea7u s\u1eed d\u1ee5ng CCHC Desktop", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Ch\u01b0a c\u00f3 t\u1ec7p d\u1eef li\u1ec7u n\u00e0o \u0111\u01b0\u1ee3c m\u1edf. Ch\u1ecdn m\u1ed9t c\u00e1ch \u0111\u1ec3 b\u1eaft \u0111\u1ea7u:", None))
        self.sampleButton.setText(QCoreApplication.translate("FirstRunDialog", u"M\u1edf d\u1eef li\u1ec7u m\u1eabu", None))
#if QT_CONFIG(tooltip)
        self.sampleButton.setToolTip(QCoreApplication.translate("FirstRunDialog", u"M\u1edf b\u1ea3n sao d\u1eef li\u1ec7u m\u1eabu c\u1ee7a UBND ph\u01b0\u1eddng 2 \u0111\u1ec3 t\u1eadp s\u1eed d\u1ee5ng", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("FirstRunDialog", u"M\u1edf t\u1ec7p kh\u00e1c\u2026", None))
        self.newLabel.setText(QCoreApplication.translate("FirstRunDialog", u"<b>T\u1ea1o \u0111\u01a1n v\u1ecb m\u1edbi</b> (c\u00e1c th\u00f4ng tin kh\u00e1c s\u1eeda sau \u1edf T\u1ec7p \u2192 Th\u00f4ng tin \u0111\u01a1n v\u1ecb):", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"T\u00ean \u0111\u01a1n v\u1ecb:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"UBND ph\u01b0\u1eddng \u0110\u1ed3ng Thu\u1eadn", None))
        self.codeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"M\u00e3 \u0111\u01a1n v\u1ecb h\u00e0nh ch\u00ednh:", None))
        self.code.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"5 ch\u1eef s\u1ed1, v\u00ed d\u1ee5 19168 (c\u00f3 th\u1ec3 ghi sau)", None))
        self.parentLabel.setText(QCoreApplication.translate("FirstRunDialog", u"C\u01a1 quan c\u1ea5p tr\u00ean:", None))
        self.parent.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"UBND t\u1ec9nh Qu\u1ea3ng Tr\u1ecb", None))
        self.placeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u0110\u1ecba danh:", None))
        self.place.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u0110\u1ed3ng Thu\u1eadn", None))
        self.merged.setText(QCoreApplication.translate("FirstRunDialog", u"\u0110\u01a1n v\u1ecb th\u00e0nh l\u1eadp khi s\u1eafp x\u1ebfp t\u1eeb ng\u00e0y 01/7/2025", None))
#if QT_CONFIG(tooltip)
        self.merged.setToolTip(QCoreApplication.translate("FirstRunDialog", u"Th\u1eddi gian l\u1ea5y s\u1ed1 li\u1ec7u c\u1ee7a \u0111\u01a1n v\u1ecb m\u1edbi kh\u00f4ng b\u1eaft \u0111\u1ea7u tr\u01b0\u1edbc ng\u00e0y 01/7/2025", None))
#endif // QT_CONFIG(tooltip)
        self.pathLabel.setText(QCoreApplication.translate("FirstRunDialog", u"L\u01b0u d\u1eef li\u1ec7u v\u00e0o t\u1ec7p:", None))
        self.browseButton.setText(QCoreApplication.translate("FirstRunDialog", u"Ch\u1ecdn n\u01a1i l\u01b0u\u2026", None))
        self.createButton.setText(QCoreApplication.translate("FirstRunDialog", u"T\u1ea1o \u0111\u01a1n v\u1ecb m\u1edbi", None))
        self.errorLabel.setText("")
    # retranslateUi

